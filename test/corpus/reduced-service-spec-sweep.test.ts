/**
 * The reduced CloudFormation specification the build ships (dist/db.json.gz, scripts/service-spec.mjs) over the
 * shared corpus: each SAM and CloudFormation template against a copy of itself with every resource changed in one of
 * several ways (each property's value changed, its value's type changed, every property removed, every property the
 * specification knows added, each resource's type changed, resources removed and added), or that copy against the
 * template; ways and directions rotate over the templates, so each way is tried on a sixth of them. The library the
 * differ wraps classifies every pair exactly as with the package's full specification: the same resources added,
 * removed, updated or replaced, the same impact (hence replacement flag) for each property, the same IAM and security
 * group changes. (The differ's own result is a function of the library's; test/node/reduced-service-spec.test.ts
 * compares it too. Diffing is slow when replacements propagate through references: every way in both directions on
 * every template took five minutes.) Skipped when the corpus is not on this machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TemplateObject } from '../../src/core/index.js';
import { loadDocument } from '../../src/core/parse/document/load.js';
import { isMap, plainValue } from '../../src/core/parse/document/tree.js';
import { corpusIndex, corpusRoot } from '../support/corpus.js';
import { type Classification, specDiffers, type SpecDiffers } from '../support/spec-differs.js';

const corpus = corpusRoot();
if (!corpus) console.log('reduced specification sweep skipped: ../shared/corpus (or CROSSOVER_CORPUS) is not on this machine');

type Resources = TemplateObject['Resources'];
type Resource = Resources[string];

/** A different value of the same kind. */
function changed(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-changed`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.length ? value.slice(1) : ['added'];
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return { Ref: 'CrossoverChanged' };
    return { ...value, CrossoverChanged: true };
  }
  return 'was-null';
}

/** A value of another kind. */
function retyped(value: unknown): unknown {
  if (typeof value === 'string') return 7;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { Items: value };
  if (value && typeof value === 'object') return [value];
  return false;
}

function mapProperties(resources: Resources, f: (resource: Resource) => Record<string, unknown> | undefined): Resources {
  return Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, { ...r, Properties: f(r) }]));
}

const each = (properties: Record<string, unknown> | undefined, f: (v: unknown) => unknown) =>
  properties && Object.fromEntries(Object.entries(properties).map(([name, v]) => [name, f(v)]));

/** One of the ways (`n` picks it) a copy of a template's resources is changed, and the changed copy. */
function variant(n: number, resources: Resources, differs: SpecDiffers): [string, Resources] {
  const ids = Object.keys(resources);
  const types = ids.map((id) => resources[id]!.Type);
  const ways: [string, () => Resources][] = [
    ['values changed', () => mapProperties(resources, (r) => each(r.Properties, changed))],
    ['value types changed', () => mapProperties(resources, (r) => each(r.Properties, retyped))],
    ['properties removed', () => mapProperties(resources, () => ({}))],
    [
      'properties added',
      () =>
        mapProperties(resources, (r) => ({
          ...Object.fromEntries((differs.propertiesOf(r.Type) ?? []).map((name) => [name, 'crossover-added'])),
          ...r.Properties,
          CrossoverUnknown: 1,
        })),
    ],
    [
      'types changed',
      () =>
        Object.fromEntries(
          ids.map((id, i) => [
            id,
            { ...resources[id]!, Type: types[(i + 1) % types.length] === types[i] ? 'AWS::SNS::Topic' : types[(i + 1) % types.length]! },
          ]),
        ),
    ],
    [
      'resources removed and added',
      () => ({ ...Object.fromEntries(ids.filter((_, i) => i % 2 === 1).map((id) => [id, resources[id]!])), CrossoverAdded: { ...resources[ids[0]!]! } }),
    ],
  ];
  const [how, make] = ways[n % ways.length]!;
  return [how, make()];
}

describe.skipIf(!corpus)('the reduced CloudFormation specification over the corpus', () => {
  let differs: SpecDiffers;
  beforeAll(async () => {
    differs = await specDiffers();
  });
  afterAll(() => differs?.dispose());

  test('every pair is classified exactly as with the full specification', { timeout: 300_000 }, () => {
    const templates = corpusIndex(corpus!).filter((e) => e.kind === 'sam' || e.kind === 'sam_notransform' || e.kind === 'cfn');
    const counts = { templates: 0, pairs: 0, resources: 0, properties: 0, replaced: 0, replacingProperties: 0, iam: 0, securityGroups: 0, errors: 0 };
    const differences: string[] = [];
    for (const entry of templates) {
      const root = loadDocument(entry.path, readFileSync(join(corpus!, entry.path), 'utf8')).root;
      if (!isMap(root)) continue;
      const template = plainValue(root) as Record<string, unknown>;
      const resources = template['Resources'];
      if (!resources || typeof resources !== 'object' || Array.isArray(resources)) continue;
      const valid = Object.fromEntries(
        Object.entries(resources as Record<string, unknown>).filter(
          ([, r]) => r && typeof r === 'object' && typeof (r as Resource).Type === 'string' && (r as Resource).Type !== '',
        ),
      ) as Resources;
      if (!Object.keys(valid).length) continue;
      counts.templates++;
      const original: TemplateObject = { ...template, Resources: valid };
      const n = counts.templates;
      const [how, changedResources] = variant(n, valid, differs);
      const copy: TemplateObject = { ...template, Resources: changedResources };
      const direction = Math.floor(n / 6) % 2 ? 'from' : 'to';
      const [before, after] = direction === 'to' ? [original, copy] : [copy, original];
      const full = differs.full(before, after, { differ: false });
      const reduced = differs.reduced(before, after, { differ: false });
      counts.pairs++;
      if ('error' in full) counts.errors++;
      else {
        const impacts = Object.values((full as Classification).impacts);
        counts.resources += impacts.length;
        counts.properties += impacts.reduce((k, i) => k + Object.keys(i.properties).length, 0);
        counts.replaced += impacts.filter((i) => i.impact === 'WILL_REPLACE' || i.impact === 'MAY_REPLACE').length;
        counts.replacingProperties += impacts.reduce(
          (k, i) => k + Object.values(i.properties).filter((p) => p === 'WILL_REPLACE' || p === 'MAY_REPLACE').length,
          0,
        );
        if (JSON.stringify(full.iam) !== '{}') counts.iam++;
        if (JSON.stringify(full.securityGroups) !== '{}') counts.securityGroups++;
      }
      if (JSON.stringify(full) !== JSON.stringify(reduced)) differences.push(`${entry.path} (${how}, ${direction} the copy)`);
    }
    console.log(
      `reduced specification sweep: ${counts.templates} templates, ${counts.pairs} pairs, ${counts.resources} resource changes, ${counts.properties} property changes ` +
        `(${counts.replaced} resources replaced, ${counts.replacingProperties} replacing property changes; ${counts.iam} pairs with IAM changes, ` +
        `${counts.securityGroups} with security group changes; ${counts.errors} pairs the library rejects, identically on both sides), ${differences.length} classified differently`,
    );
    expect(differences.slice(0, 20)).toEqual([]);
    expect(counts.templates).toBeGreaterThan(1000);
    expect(counts.replacingProperties).toBeGreaterThan(1000);
    expect(counts.iam).toBeGreaterThan(100);
  });
});
