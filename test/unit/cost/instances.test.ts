// Instances of a custom CDK construct class: one node each, grouped back for the lenses, and a class read on its own
// in its file left out of the totals when another file instantiates it (it would be counted twice).
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../src/core/engine.js';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { declarationKey, declaredElsewhere, groupForLenses, instancesOfFile } from '../../../src/core/cost/instances.js';
import { asWritten } from '../../../src/core/cost/totals.js';
import { instancesLensTitle, instancesLensTooltip, siteLensTitle, workloadLensTitle } from '../../../src/core/present/cost.js';
import { templateCosts } from '../../../src/core/cost/workloads.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { type SourceLocation } from '../../../src/core/model/location.js';
import { type ConstructInstance } from '../../../src/core/model/nodes.js';

const at = (uri: string, line: number): SourceLocation => ({ uri, range: { start: { line, character: 4 }, end: { line, character: 20 } }, path: [] });
const LIB = 'file:///app/lib/orders.ts';
const BIN = 'file:///app/bin/app.ts';
const instance = (id: string, site: SourceLocation, declaredAt: SourceLocation): ConstructInstance => ({ className: 'OrdersService', id, site, declaredAt });

/** Three functions of one size, with estimates: the instances below borrow them. */
function estimates(memory: number[]) {
  const fns = memory
    .map((m, i) => `  F${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.h\n      MemorySize: ${m}\n`)
    .join('');
  const model = analyzeText({ uri: 'file:///t/template.yaml', text: `Transform: AWS::Serverless-2016-10-31\nResources:\n${fns}` }, resolveConfig({})).model!;
  return templateCosts(model, 'template.yaml', emptyUsage(), resolveCostSettings({})).functions.map((f) => f.estimate);
}

describe('instances grouped for the lenses', () => {
  const declaredAt = at(LIB, 12);
  const nodes = [
    { id: 'Dev/Handler', loc: declaredAt, instance: instance('Dev', at(LIB, 30), declaredAt) },
    { id: 'Prod/Handler', loc: declaredAt, instance: instance('Prod', at(LIB, 31), declaredAt) },
    { id: 'Lonely', loc: at(LIB, 40) },
  ];

  test('instances declared in the file group by their declaration; the rest stay alone', () => {
    const { byDeclaration, bySite, single } = groupForLenses(LIB, nodes, (n) => n);
    expect(byDeclaration).toHaveLength(1);
    expect(byDeclaration[0]!.members.map((m) => m.instance.id)).toEqual(['Dev', 'Prod']);
    expect(byDeclaration[0]!.declaredAt.range.start.line).toBe(12);
    expect(bySite).toEqual([]);
    expect(single.map((n) => n.id)).toEqual(['Lonely']);
  });

  test('instances of a class from another file group by the line that creates them', () => {
    const site = at(BIN, 5);
    const fromBin = [
      { id: 'Dev/Handler', loc: site, instance: instance('Dev', site, at(LIB, 12)) },
      { id: 'Dev/Worker', loc: site, instance: instance('Dev', site, at(LIB, 20)) },
      { id: 'Prod/Handler', loc: at(BIN, 6), instance: instance('Prod', at(BIN, 6), at(LIB, 12)) },
    ];
    const { byDeclaration, bySite } = groupForLenses(BIN, fromBin, (n) => n);
    expect(byDeclaration).toEqual([]);
    expect(bySite.map((g) => [g.declaredAt.range.start.line, g.members.length])).toEqual([
      [5, 2],
      [6, 1],
    ]);
    // The class's file sees them at its declarations, and its own reading of them is counted through them.
    const ofLib = instancesOfFile(LIB, fromBin, (n) => n);
    expect([...ofLib.keys()]).toEqual([declarationKey(at(LIB, 12)), declarationKey(at(LIB, 20))]);
    expect(ofLib.get(declarationKey(at(LIB, 12)))!.members.map((m) => m.instance.id)).toEqual(['Dev', 'Prod']);
    expect(declaredElsewhere(fromBin)).toEqual(new Set([declarationKey(at(LIB, 12)), declarationKey(at(LIB, 20))]));
    // Instances made in their own class's file are not "elsewhere": nothing of that file is left out for them.
    expect(declaredElsewhere(nodes)).toEqual(new Set());
  });
});

describe('the lens of a declaration made several times', () => {
  test('names the instances and sums their figures where they run', () => {
    const [small, large, larger] = estimates([128, 1024, 2048]);
    const members = [
      { id: 'dev', estimate: small! },
      { id: 'staging', estimate: large! },
      { id: 'prod', estimate: larger! },
    ];
    const sum = members.reduce((s, m) => s + asWritten({ runsOn: m.estimate.runsOn, estimate: m.estimate }).homeUsd, 0);
    expect(sum).toBeGreaterThan(0);
    const title = instancesLensTitle(members);
    expect(title).toMatch(/^x3 instances \(dev, staging, prod\): about \$[\d,.]+\/mo on Lambda in all$/);
    // The sum of the three, as the status bar would add them (to the cent shown).
    const shown = Number(/\$([\d,.]+)/.exec(title)![1]!.replace(/,/g, ''));
    expect(Math.abs(shown - sum)).toBeLessThan(0.01 + sum * 0.005);
    expect(instancesLensTitle(members, 'bin/app.ts')).toMatch(/^x3 instances in bin\/app\.ts \(/);
    expect(instancesLensTooltip(members).split('\n')).toEqual(members.map((m) => `${m.id}: ${workloadLensTitle(m.estimate)}`));
    expect(siteLensTitle('OrdersStack', 'Dev', members.slice(0, 2))).toMatch(/^Dev \(OrdersStack\): 2 workloads, about \$[\d,.]+\/mo as written$/);
  });

  test('many instances: four names, then how many more', () => {
    const [e] = estimates([512]);
    const members = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, estimate: e! }));
    expect(instancesLensTitle(members)).toMatch(/^x6 instances \(a, b, c, d, 2 more\)/);
  });
});
