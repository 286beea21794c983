import { describe, expect, test } from 'vitest';
import { Debouncer, type Token } from '../../src/extension/support/debouncer.js';
import { restAfter } from '../../src/extension/support/duty-cycle.js';
import { excludeGlob, expandGroups, inExcludedFolder } from '../../src/extension/support/globs.js';

describe('Debouncer', () => {
  test('a newer request replaces a pending one', async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer<string>(() => undefined);
    debouncer.schedule('a', 20, async () => void runs.push('first'));
    debouncer.schedule('a', 20, async () => void runs.push('second'));
    debouncer.schedule('b', 20, async () => void runs.push('other'));
    await debouncer.whenIdle();
    expect(runs.sort()).toEqual(['other', 'second']);
  });

  test('a newer request cancels a run already under way', async () => {
    const debouncer = new Debouncer<string>(() => undefined);
    let firstToken: Token | undefined;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    debouncer.schedule('a', 0, async (token) => {
      firstToken = token;
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(firstToken?.isCancellationRequested).toBe(false);
    debouncer.schedule('a', 0, async () => undefined);
    expect(firstToken?.isCancellationRequested).toBe(true);
    release();
    await debouncer.whenIdle();
    expect(debouncer.busy).toBe(false);
  });

  test('errors go to the handler and do not leave it busy', async () => {
    const errors: unknown[] = [];
    const debouncer = new Debouncer<string>((e) => errors.push(e));
    await debouncer.runNow('a', async () => {
      throw new Error('boom');
    });
    expect(errors).toHaveLength(1);
    expect(debouncer.busy).toBe(false);
  });
});

describe('duty cycle', () => {
  test('at half a core, rest as long as the work took', () => {
    expect(restAfter(40, 0.5)).toBe(40);
    expect(restAfter(30, 0.25)).toBe(90);
    expect(restAfter(0, 0.5)).toBe(1);
  });
});

describe('exclude globs', () => {
  test('groups are expanded so they can sit inside the merged group', () => {
    expect(expandGroups('**/*.{js,map}')).toEqual(['**/*.js', '**/*.map']);
    expect(expandGroups('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
  });

  test("the user's files.exclude is merged with the fixed folders", () => {
    const glob = excludeGlob({ '**/.DS_Store': true, 'build': true, '**/*.{tmp,bak}': true, '**/keep': false, '**/sibling': { when: '$(basename).ts' } });
    expect(glob).toBe('{**/node_modules/**,**/.git/**,**/cdk.out/**,**/.aws-sam/**,**/.serverless/**,**/.DS_Store,**/build,**/*.tmp,**/*.bak}');
  });

  test('watcher events in excluded folders are recognised', () => {
    expect(inExcludedFolder('app/node_modules/x/template.yaml')).toBe(true);
    expect(inExcludedFolder('cdk.out/Stack.template.json')).toBe(true);
    expect(inExcludedFolder('infra/template.yaml')).toBe(false);
  });
});
