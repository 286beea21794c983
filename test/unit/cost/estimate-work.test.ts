// What one estimate computes, and when: the editor estimates every workload of the workspace at start-up (on the
// extension host, a step at a time), most of them never shown. The low and high traffic bands are compared when first
// read, and what a set of prices says (dates, provenance, notes) is worked out once per price book; the figures are
// those of a computation from scratch.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { capacityNotes } from '../../../src/core/cost/platforms/ecs-fargate.js';
import { eksFargatePlatform, lambdaPlatform } from '../../../src/core/cost/platforms/index.js';
import { catalogueKeysOf, compare, estimateWorkload, platformNotes, priceKeysOf } from '../../../src/core/cost/estimate.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { EstimateMemo, templateCostSteps } from '../../../src/core/cost/workloads.js';
import { platforms } from '../../../src/core/cost/platforms/index.js';
import { analyzeText } from '../../../src/core/engine.js';
import { once } from '../../../src/core/cost/assumptions.js';
import { workloadNeeds } from '../../../src/core/cost/home.js';

const settings = resolveCostSettings();
const text = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  ...['Small', 'Large'].flatMap((id, i) => [
    `  ${id}:`,
    '    Type: AWS::Serverless::Function',
    `    Properties: {Runtime: python3.13, Handler: app.handler, Architectures: [arm64], Timeout: 30, MemorySize: ${i ? 2048 : 512}}`,
  ]),
].join('\n');
const model = analyzeText({ uri: 'file:///w/template.yaml', text }, resolveConfig({})).model!;
const estimate = (id: string) =>
  estimateWorkload({ kind: 'lambda-function', fn: model.functions.find((f) => f.id === id)! }, 'template.yaml', emptyUsage(), settings);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an estimate with assumed traffic', () => {
  test('compares the low and high bands when they are first read, once, at the traffic the settings give', () => {
    const cost = vi.spyOn(lambdaPlatform, 'cost');
    const e = estimate('Small');
    expect(e.traffic).toBe('assumed');
    // The typical traffic only (each platform costed once).
    expect(cost).toHaveBeenCalledTimes(1);
    expect(model.functions.map((f) => f.memoryMb.value)).toEqual([512, 2048]);
    const low = e.low;
    expect(cost).toHaveBeenCalledTimes(2);
    const high = e.high;
    expect(cost).toHaveBeenCalledTimes(3);
    // Read again (or written out whole): the same comparisons, not computed again.
    expect(e.low).toBe(low);
    expect(JSON.parse(JSON.stringify(e)).high.lambda.monthlyUsd).toBe(high!.lambda.monthlyUsd);
    expect(cost).toHaveBeenCalledTimes(3);
    const prices = priceBook(e.region, settings.priceOverrides);
    expect(low).toEqual(compare({ ...e.scenario, requestsPerMonth: settings.traffic.low }, prices));
    expect(high).toEqual(compare({ ...e.scenario, requestsPerMonth: settings.traffic.high }, prices));
    expect(e.low!.requestsPerMonth).toBe(100_000);
    expect(e.high!.requestsPerMonth).toBe(10_000_000);
  });
});

describe('the assumptions of an estimate', () => {
  test('are worded when first read: the workload’s own, then each platform’s', () => {
    const worded = vi.spyOn(eksFargatePlatform, 'assumptions');
    const e = estimate('Large');
    expect(worded).not.toHaveBeenCalled();
    const names = e.assumptions.map((a) => a.name);
    expect(worded).toHaveBeenCalledTimes(1);
    expect(e.assumptions).toBe(e.assumptions);
    expect(worded).toHaveBeenCalledTimes(1);
    // The function's (traffic, memory) first, then the platforms' own, each named after its platform.
    expect(names.indexOf('Requests per month')).toBeGreaterThanOrEqual(0);
    expect(names).toContain('EKS on Fargate: Pod size');
    expect(names.indexOf('Requests per month')).toBeLessThan(names.indexOf('EKS on Fargate: Pod size'));
    // The 2,048 MB function's Fargate side is 2 vCPU / 4 GB; + 256 MB for the Kubernetes components rounds up to 5 GB.
    expect(e.assumptions.find((a) => a.name === 'EKS on Fargate: Pod size')!.value).toMatch(/^2 vCPU \/ 5 GB: the 2 vCPU \/ 4 GB task \+ 256 MB/);
  });
});

describe('the prices an estimate read', () => {
  test('are the price book’s entries for the keys its figures read, shared between the estimates of one book', () => {
    const small = estimate('Small');
    const large = estimate('Large');
    const prices = priceBook(small.region, settings.priceOverrides);
    for (const e of [small, large]) {
      const keys = priceKeysOf(e.typical);
      const catalogue = catalogueKeysOf(e.typical);
      // A computation from scratch gives the same figures, dates and notes.
      expect(e.prices).toEqual([...prices.used(keys), ...prices.catalogueUsed(catalogue)]);
      expect(e.priceDate).toBe(prices.dateFor(keys, catalogue));
      expect(e.notes).toEqual([...capacityNotes(e.typical.fargate), ...platformNotes(e.typical), ...prices.notesFor(keys)]);
    }
    // Both arm64 functions read the same prices: one list of entries, worked out once, in a list of each estimate's own.
    expect(large.prices.map((p) => p.key)).toEqual(small.prices.map((p) => p.key));
    expect(large.prices).not.toBe(small.prices);
    for (const [i, p] of small.prices.entries()) expect(large.prices[i]).toBe(p);
  });
});

describe('a template estimated a step at a time (the editor hands control back between steps)', () => {
  test('each workload in steps: its needs, then each platform’s typical figure; the same estimates as in one go', () => {
    const perWorkload = 1 + platforms().length + 1; // the needs, each platform, and the step after the workload
    for (const memo of [undefined, new EstimateMemo()]) {
      const steps = templateCostSteps(model, 'template.yaml', emptyUsage(), settings, undefined, memo);
      let count = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) count++;
      expect(count).toBe(model.functions.length * perWorkload);
      for (const { fn, estimate: e } of step.value.functions) {
        const direct = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings);
        expect(e.typical).toEqual(direct.typical);
        expect(e.prices).toEqual(direct.prices);
        expect(e.notes).toEqual(direct.notes);
        expect(e.assumptions).toEqual(direct.assumptions);
        expect(e.low).toEqual(direct.low);
      }
    }
    // Kept by the memo (the same usage file and settings): a workload whose inputs did not change is one step (no estimate).
    const memo = new EstimateMemo();
    const usage = emptyUsage();
    const first = templateCostSteps(model, 'template.yaml', usage, settings, undefined, memo);
    while (!first.next().done);
    const again = templateCostSteps(model, 'template.yaml', usage, settings, undefined, memo);
    let count = 0;
    while (!again.next().done) count++;
    expect(count).toBe(model.functions.length);
  });
});

describe("a workload's assumptions", () => {
  test('are worded when first read, once: the needs hold a function that makes them, and the estimate reads it', () => {
    const fn = model.functions.find((f) => f.id === 'Large')!;
    const needs = workloadNeeds({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings)!;
    expect(typeof needs.assumptions).toBe('function');
    const first = needs.assumptions();
    expect(needs.assumptions()).toBe(first);
    expect(first.find((a) => a.name === 'Memory')).toEqual({ name: 'Memory', value: '2048 MB', source: 'template' });
    expect(estimate('Large').assumptions.slice(0, first.length)).toEqual(first);
  });

  test('once makes its value at the first call only, an undefined value included', () => {
    const make = vi.fn(() => undefined);
    const value = once(make);
    expect(make).not.toHaveBeenCalled();
    value();
    value();
    expect(make).toHaveBeenCalledTimes(1);
  });
});
