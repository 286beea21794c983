// The editor's notifications and pickers say what core/present/editor.ts words: no sentence typed in the extension.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EDITOR_TEXT } from '../../../src/core/present/editor.js';

const extension = join(import.meta.dirname, '..', '..', '..', 'src', 'extension');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('editor wording', () => {
  test('a reason ends its sentence with one full stop, whether it brought one or not', () => {
    expect(EDITOR_TEXT.trafficNotSaved('Fn', 'crossover.usage.yml', 'the file is too large.')).toBe(
      'Crossover did not save the traffic of Fn to crossover.usage.yml: the file is too large.',
    );
    expect(EDITOR_TEXT.trafficNotSaved('Fn', 'crossover.usage.yml', 'the file is too large')).toBe(
      'Crossover did not save the traffic of Fn to crossover.usage.yml: the file is too large.',
    );
  });

  test('the extension types no sentence into a notification or a picker', () => {
    const typed = files(extension).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/show(?:Information|Warning|Error)Message\(\s*(?:notificationText\(\s*)?[`'"]|placeHolder:\s*[`'"]/g)].map(
        (m) => `${file.slice(extension.length + 1)}: ${m[0]}`,
      ),
    );
    expect(typed).toEqual([]);
  });
});
