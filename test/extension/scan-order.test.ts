// The workspace scan's order: likely templates first (a CDK file named like a stack among them), program sources last, files no format reads left out, and a
// long list looked at a slice at a time (the extension host's other work runs in between).
import { describe, expect, test } from 'vitest';
import { inScanOrder, scanRank } from '../../src/extension/support/scan-order.js';

const paths = [
  '/w/lib/app-stack.ts',
  '/w/README.md',
  '/w/infra/network.yaml',
  '/w/svc/template.yaml',
  '/w/types/index.d.ts',
  '/w/api/serverless.yml',
  '/w/ecs/taskdef.json',
  '/w/app.py',
  '/w/other/template.json',
  '/w/bin/main.ts',
];

describe('the scan order', () => {
  test('templates by their usual names, then names that say so, other candidates, program sources; the rest left out', async () => {
    const ordered = await inScanOrder(
      paths.map((path) => ({ path })),
      1000,
    );
    expect(ordered.map((f) => f.path)).toEqual([
      '/w/svc/template.yaml',
      '/w/api/serverless.yml',
      '/w/other/template.json',
      '/w/lib/app-stack.ts',
      '/w/ecs/taskdef.json',
      '/w/infra/network.yaml',
      '/w/app.py',
      '/w/bin/main.ts',
    ]);
    expect(ordered.map((f) => scanRank(f.path))).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
  });

  test('a long list is looked at a slice at a time: work queued meanwhile runs before the order is ready', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ path: `/w/s${i}/template.yaml` }));
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const inOneGo = await inScanOrder(many, Number.POSITIVE_INFINITY);
    expect(ranBetween).toBe(false);
    setImmediate(() => (ranBetween = true));
    const sliced = await inScanOrder(many, 0);
    expect(ranBetween).toBe(true);
    expect(sliced).toEqual(inOneGo);
    expect(sliced).toHaveLength(3000);
  });
});
