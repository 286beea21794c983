// The bundled prices: generated from data/pricing/prices.json by `npm run pricing`, every figure traced to a source
// and a date, and every price of a region either its own, derived by a documented rule, or borrowed from us-east-1
// (and then the estimate says it is incomplete). Expected figures are the published ones, cited per region.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compare, priceKeysOf } from '../../../src/core/cost/estimate.js';
import { priceBook, regions, type PriceUsed } from '../../../src/core/cost/price-book.js';
import { comparisonReport } from '../../../src/core/cost/report.js';
import { crossovers } from '../../../src/core/cost/crossover.js';
import { renderPriceModule } from '../../../src/core/data/price-module.js';
import { REGIONAL_PRICE_KEYS, resolvePriceTable, type PriceSource, type RegionalPriceKey } from '../../../src/core/data/price-table.js';
import { PRICE_TABLE } from '../../../src/core/data/pricing.js';
import { PRICE_SOURCE } from '../../../src/core/data/pricing.generated.js';
import { costText } from '../../../src/core/present/cost-text.js';
import { scenario } from '../../support/scenario.js';

const root = join(import.meta.dirname, '..', '..', '..');
const source = JSON.parse(readFileSync(join(root, 'data/pricing/prices.json'), 'utf8')) as PriceSource;
const byKey = (used: PriceUsed[]) => Object.fromEntries(used.map((p) => [p.key, p])) as Record<RegionalPriceKey, PriceUsed>;

describe('the price table', () => {
  test('the bundled module is what `npm run pricing` makes of data/pricing/prices.json', () => {
    expect(readFileSync(join(root, 'src/core/data/pricing.generated.ts'), 'utf8')).toBe(renderPriceModule(source));
  });

  test('the bundles resolve a region when it is first read (not all thirty at start-up), to the table the checked source gives', () => {
    // Nothing in this file has read ap-northeast-3 yet: its prices and catalogue are still to be worked out.
    const osaka = PRICE_TABLE.regions['ap-northeast-3']!;
    expect(osaka.name).toBe('Asia Pacific (Osaka)');
    expect(Object.getOwnPropertyDescriptor(osaka, 'prices')!.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(osaka, 'catalogue')!.get).toBeTypeOf('function');
    const read = osaka.prices;
    expect(Object.getOwnPropertyDescriptor(osaka, 'prices')!.value).toBe(read);
    expect(osaka.prices).toBe(read);
    // The whole table, every region read, equals the one `resolvePriceTable` checks and resolves at once (PRICE_SOURCE is
    // the generated module, the same data as prices.json: the test above).
    const checked = resolvePriceTable(PRICE_SOURCE);
    expect(Object.getOwnPropertyDescriptor(checked.regions['ap-northeast-3']!, 'prices')!.get).toBeUndefined();
    expect(PRICE_TABLE).toEqual(checked);
    expect(JSON.parse(JSON.stringify(PRICE_TABLE))).toEqual(JSON.parse(JSON.stringify(checked)));
  });

  test('every price in every region has a provenance, a date, a confidence and sources that the table lists', () => {
    for (const [region, { prices }] of Object.entries(PRICE_TABLE.regions)) {
      for (const key of REGIONAL_PRICE_KEYS) {
        const entry = prices[key];
        expect(entry, `${region} ${key}`).toBeDefined();
        expect(['own', 'derived', 'borrowed']).toContain(entry.provenance);
        expect(entry.from, `${region} ${key}`).toBe(entry.provenance === 'borrowed' ? 'us-east-1' : region);
        if (entry.provenance !== 'own') expect(entry.explain, `${region} ${key}`).toBeTruthy();
        expect(entry.date, `${region} ${key}`).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$|^undated/);
        expect(['high', 'medium', 'low']).toContain(entry.confidence);
        expect(entry.sources.length).toBeGreaterThan(0);
        for (const id of entry.sources) expect(PRICE_TABLE.sources[id], `${region} ${key} cites ${id}`).toBeDefined();
        for (const id of entry.sources) expect(PRICE_TABLE.sources[id]!.url.length).toBeGreaterThan(0);
      }
    }
  });

  test('bad data is refused with the reason', () => {
    const broken = structuredClone(source);
    delete (broken.regions['us-east-1']!.prices as Record<string, unknown>)['alb.hour'];
    broken.regions['eu-west-2']!.prices['nat.hour']!.sources = ['S999'];
    expect(() => resolvePriceTable(broken)).toThrow(/unknown source S999/);
    expect(() => resolvePriceTable(broken)).toThrow(/us-east-1 \(the fallback region\) lacks alb.hour/);
  });

  test('the generator rejects a derivation without evidence, and one the sourced figures contradict', () => {
    const noEvidence = structuredClone(source);
    noEvidence.derivations.find((d) => d.key === 'nat.gbProcessed')!.evidence = ' ';
    expect(() => resolvePriceTable(noEvidence)).toThrow(/derivation D7: no evidence/);
    const noSource = structuredClone(source);
    noSource.derivations.find((d) => d.key === 'nat.gbProcessed')!.sources = [];
    expect(() => resolvePriceTable(noSource)).toThrow(/derivation D7: no source/);
    // NAT per GB = 1.1 x NAT hour is false wherever both are sourced (e.g. sa-east-1 0.093 / 0.093).
    const contradicted = structuredClone(source);
    contradicted.derivations.find((d) => d.key === 'nat.gbProcessed')!.factor = 1.1;
    expect(() => resolvePriceTable(contradicted)).toThrow(/derivation D7 does not hold in sa-east-1/);
    // Fargate arm64 = 0.8 x x86_64 is not a rule: ap-south-1 is 0.02383 / 0.04256 = 0.56 (S51, S54).
    const arm = structuredClone(source);
    arm.derivations.push({ ...arm.derivations[0]!, id: 'D99', key: 'fargate.vcpuHour.arm64', basis: 'fargate.vcpuHour.x86_64' });
    expect(() => resolvePriceTable(arm)).toThrow(/derivation D99 does not hold in ap-south-1/);
  });

  test('the derivations hold where the sources show both figures', () => {
    const holds = Object.fromEntries(PRICE_TABLE.derivations.map((d) => [d.id, d.holdsIn]));
    // NAT per GB = NAT hour in the 9 regions with both (N01, N10, N15, N28, N35, ...), e.g. sa-east-1 0.093 / 0.093.
    expect(holds['D7']).toContain('sa-east-1');
    expect(holds['D7']!.length).toBe(9);
    // Lambda arm64 = 0.8 x x86_64 in the 25 regions with both (ap-east-1: 1.83e-5 / 2.292e-5 = 0.798).
    expect(holds['D1']!.length).toBe(25);
    // HTTP API over 300M = 0.9 x first tier: us-east-1 0.9/1.0, eu-west-2 1.04/1.16, ap-northeast-2 1.11/1.23.
    expect(holds['D6']).toEqual(['us-east-1', 'eu-west-2', 'ap-northeast-2']);
  });

  test('30 regions offered for estimates; the four with no Lambda or Fargate price of their own are kept for their other prices only', () => {
    expect(regions().length).toBe(30);
    expect(regions()).toContainEqual({ id: 'eu-west-2', name: 'Europe (London)' });
    expect(Object.keys(PRICE_TABLE.unlisted).sort()).toEqual(['ap-east-2', 'ap-southeast-6', 'ap-southeast-7', 'mx-central-1']);
    // mx-central-1 keeps its own EC2 prices (N05) for the later models.
    expect(PRICE_TABLE.unlisted['mx-central-1']!.catalogue['ec2.onDemandHour.m7g.large']?.value).toBeGreaterThan(0);
    const mexico = priceBook('mx-central-1');
    expect(mexico.known).toBe(false);
    expect(mexico.entry('lambda.requestPerMillion').provenance).toBe('borrowed');
    expect(mexico.notesFor(['lambda.requestPerMillion'])[0]).toMatch(
      /^Incomplete: 1 price borrowed from us-east-1 .*mx-central-1 has no Lambda or Fargate price/,
    );
  });
});

describe('published prices, six regions on four continents', () => {
  test('sa-east-1: NAT $0.093/h (N01, N35), ALB $0.034/h (N01, N35), HTTP API $1.59/M first 300M (N01, N35), Fargate Spot x86 $0.02337032 (S22)', () => {
    const p = priceBook('sa-east-1');
    expect(p.number('nat.hour')).toBe(0.093);
    expect(p.number('alb.hour')).toBe(0.034);
    expect(p.tiers('apigw.httpPerMillion')[0]).toEqual([0, 300e6, 1.59]);
    expect(p.number('fargate.spot.vcpuHour.x86_64')).toBe(0.02337032);
    expect(p.number('fargate.spot.gbHour.x86_64')).toBe(0.00255193);
    for (const key of ['nat.hour', 'alb.hour', 'apigw.httpPerMillion', 'fargate.spot.vcpuHour.x86_64'] as const)
      expect(p.entry(key).provenance, key).toBe('own');
  });

  test('eu-west-2: HTTP API 1.16 / 1.04 per M, REST 3.50 / 3.33 / 2.83 / 1.80 per M (AmazonApiGateway offer, N02)', () => {
    const p = priceBook('eu-west-2');
    expect(p.tiers('apigw.httpPerMillion')).toEqual([
      [0, 300e6, 1.16],
      [300e6, null, 1.04],
    ]);
    expect(p.tiers('apigw.restPerMillion').map((t) => t[2])).toEqual([3.5, 3.33, 2.83, 1.8]);
    expect(p.entry('apigw.restPerMillion').higherTiers).toBeUndefined();
  });

  test('ap-south-1: Fargate arm64 $0.02383 per vCPU-hour (Price List S51, September 2026 bill S54)', () => {
    const p = priceBook('ap-south-1');
    expect(p.number('fargate.vcpuHour.arm64')).toBe(0.02383);
    expect(p.number('fargate.gbHour.arm64')).toBe(0.00261);
    expect(p.entry('fargate.vcpuHour.arm64').provenance).toBe('own');
  });

  test('eu-west-1: NAT $0.048/h (N15, N17), ALB $0.0252/h (N01, N18, N19)', () => {
    const p = priceBook('eu-west-1');
    expect(p.number('nat.hour')).toBe(0.048);
    expect(p.number('alb.hour')).toBe(0.0252);
  });

  test('ap-east-1 and af-south-1: Lambda and Fargate well above us-east-1 (S06, S65, S19/S50)', () => {
    const hk = priceBook('ap-east-1');
    expect([hk.number('lambda.requestPerMillion'), hk.number('lambda.durationPerGbSecond.x86_64')]).toEqual([0.28, 2.292e-5]);
    expect([hk.number('fargate.vcpuHour.x86_64'), hk.number('fargate.gbHour.x86_64')]).toEqual([0.0556, 0.0061]);
    const cpt = priceBook('af-south-1');
    expect([cpt.number('lambda.requestPerMillion'), cpt.number('lambda.durationPerGbSecond.x86_64')]).toEqual([0.27, 2.21e-5]);
    expect([cpt.number('fargate.vcpuHour.x86_64'), cpt.number('fargate.gbHour.x86_64')]).toEqual([0.0546, 0.006]);
  });
});

describe('an estimate says where each price comes from', () => {
  test('sa-east-1: the published figures, each own, with the date of its cell', () => {
    const prices = priceBook('sa-east-1');
    const s = scenario({ region: 'sa-east-1', lambda: { architecture: 'x86_64' }, fargate: { tasks: 2, albLcu: 1 } });
    const c = compare(s, prices);
    // Lambda: 10M requests x $0.20/M = $2.00; 10M x 0.1 s x 0.5 GB = 500,000 GB-s x $0.0000166667 = $8.33335;
    // HTTP API 10M x $1.59/M = $15.90. Total $26.23335.
    expect(c.lambda.breakdown.requests).toBeCloseTo(2, 6);
    expect(c.lambda.breakdown.duration).toBeCloseTo(8.33335, 6);
    expect(c.lambda.breakdown.frontDoor).toBeCloseTo(15.9, 6);
    // Fargate: 2 tasks x 730 h x (1 vCPU x $0.0696 + 2 GB x $0.0076) = $123.808; ALB 730 h x ($0.034 + 1 LCU x $0.011) = $32.85.
    expect(c.fargate.breakdown.compute).toBeCloseTo(123.808, 6);
    expect(c.fargate.breakdown.loadBalancer).toBeCloseTo(32.85, 6);
    const used = byKey(prices.used(priceKeysOf(c)));
    // Every price is sa-east-1's own but the public IPv4 address (the ALB's two), derived by D9 ($0.005/h in every
    // region with a source): 2 x 730 h x $0.005 = $7.30 on each side with an ALB.
    for (const p of Object.values(used)) {
      expect(p.provenance, p.key).toBe(p.key === 'ipv4.publicAddressHour' ? 'derived' : 'own');
      expect(p.region, p.key).toBe('sa-east-1');
    }
    expect(c.fargate.breakdown.publicIpv4).toBeCloseTo(2 * 730 * 0.005 + 2 * 730 * 0.005, 9);
    expect(used['alb.hour']).toMatchObject({ value: 0.034, date: '2026-08-31', sources: ['N01', 'N35'] });
    expect(used['alb.lcuHour']).toMatchObject({ value: 0.011, date: '2026-08-10', confidence: 'medium' });
    expect(used['fargate.vcpuHour.x86_64']).toMatchObject({ value: 0.0696, date: '2026-09-29' });
    expect(used['apigw.httpPerMillion']!.tiers![0]).toEqual([0, 300e6, 1.59]);
    // Its tier above 300M is derived (D6: 0.9 x 1.59 = 1.431), and says so.
    expect(used['apigw.httpPerMillion']!.tiers![1]).toEqual([300e6, null, 1.431]);
    expect(used['apigw.httpPerMillion']!.higherTiers).toMatchObject({ provenance: 'derived' });
    // Dates of the prices used, oldest to newest (the Lambda cells are undated, S06).
    expect(prices.dateFor(priceKeysOf(c))).toBe('2026-08-10 to 2026-09-29 (some undated)');

    const keys = priceKeysOf(c);
    const report = comparisonReport(c, s, crossovers(s, prices), prices.dateFor(keys), prices.notesFor(keys), prices.used(keys), []);
    expect(report.incomplete).toBe(false);
    expect(costText(report)).toMatch(/Prices: sa-east-1, dated 2026-08-10 to 2026-09-29 \(some undated\) \(7 own, 1 derived\)/);
    expect(costText(report)).not.toMatch(/Incomplete/);
  });

  test('Spot in sa-east-1: 2 tasks x 730 h x ($0.02337032 + 2 x $0.00255193) = $41.5723 (S22), own and undated', () => {
    const prices = priceBook('sa-east-1');
    const c = compare(scenario({ region: 'sa-east-1', fargate: { tasks: 2, spot: true, loadBalancer: 'none' } }), prices);
    expect(c.fargate.breakdown.compute).toBeCloseTo(2 * 730 * (0.02337032 + 2 * 0.00255193), 6);
    expect(c.fargate.breakdown.compute).toBeCloseTo(41.5723, 4);
    expect(byKey(prices.used(priceKeysOf(c)))['fargate.spot.vcpuHour.x86_64']).toMatchObject({ provenance: 'own', region: 'sa-east-1', confidence: 'low' });
  });

  test('a borrowed price makes the estimate incomplete in the text and the JSON, and its date is not shown as the region’s', () => {
    // Zurich: Lambda, ALB hours and HTTP API are its own; Fargate and ALB LCU have no eu-central-2 source.
    const prices = priceBook('eu-central-2');
    const s = scenario({ region: 'eu-central-2', lambda: { architecture: 'x86_64' }, fargate: { tasks: 2, albLcu: 1 } });
    const c = compare(s, prices);
    const keys = priceKeysOf(c);
    // Fargate borrowed: 2 x 730 x (0.04048 + 2 x 0.004445) = $72.0802 (us-east-1, S51); ALB 730 x (0.0297 own + 0.008 borrowed) = $27.521.
    expect(c.fargate.breakdown.compute).toBeCloseTo(72.0802, 6);
    expect(c.fargate.breakdown.loadBalancer).toBeCloseTo(27.521, 6);
    const used = byKey(prices.used(keys));
    expect(used['fargate.vcpuHour.x86_64']).toMatchObject({ provenance: 'borrowed', region: 'us-east-1', date: '2026-09-28' });
    expect(used['alb.lcuHour']).toMatchObject({ provenance: 'borrowed', region: 'us-east-1' });
    expect(used['alb.hour']).toMatchObject({ provenance: 'own', region: 'eu-central-2', date: '2026-08-31' });
    // The date line: eu-central-2's own cells only (ALB and HTTP API 2026-08-31, Lambda undated), not us-east-1's 2026-09-28.
    expect(prices.dateFor(keys)).toBe('2026-08-31 (some undated)');
    const report = comparisonReport(c, s, crossovers(s, prices), prices.dateFor(keys), prices.notesFor(keys), prices.used(keys), []);
    expect(report.incomplete).toBe(true);
    expect(
      JSON.parse(JSON.stringify(report))
        .prices.filter((p: PriceUsed) => p.provenance === 'borrowed')
        .map((p: PriceUsed) => p.key),
    ).toEqual(['fargate.vcpuHour.x86_64', 'fargate.gbHour.x86_64', 'alb.lcuHour']);
    const text = costText(report);
    expect(text).toMatch(/Prices: eu-central-2, dated 2026-08-31 \(some undated\) \(4 own, 1 derived, 3 borrowed\)/);
    expect(text).toMatch(
      /Incomplete: 3 prices borrowed from us-east-1 \(Fargate vCPU \(x86_64\), Fargate memory \(x86_64\), ALB LCU-hours\): no eu-central-2 price in the sources/,
    );
  });

  test('derived prices say so, with their rule', () => {
    // Calgary has an x86_64 Lambda price only (S65): arm64 = 0.8 x 1.66667e-5 = 1.33334e-5 (D1).
    const calgary = priceBook('ca-west-1');
    expect(calgary.number('lambda.durationPerGbSecond.arm64')).toBe(1.33334e-5);
    expect(calgary.entry('lambda.durationPerGbSecond.arm64')).toMatchObject({ provenance: 'derived', derivedBy: ['D1', 'D5'] });
    // Frankfurt NAT per GB = its NAT hour, 0.052 (N01; D7).
    const frankfurt = priceBook('eu-central-1');
    expect(frankfurt.number('nat.gbProcessed')).toBe(0.052);
    expect(frankfurt.notesFor(['nat.gbProcessed'])).toContain(
      "NAT gateway data: derived (D7): NAT gateway per-GB processing price = the region's NAT hourly price",
    );
    expect(byKey(frankfurt.used(['nat.gbProcessed']))['nat.gbProcessed']).toMatchObject({ provenance: 'derived', region: 'eu-central-1', date: '2026-09-04' });
  });

  test('first-tier-only prices: higher tiers derived where a rule exists, else borrowed and the estimate incomplete', () => {
    // London's Lambda duration: tier 1 own (1.66667e-5), tiers 2 and 3 = 0.9 and 0.8 x it (D4).
    const london = priceBook('eu-west-2');
    expect(london.tiers('lambda.durationPerGbSecond.x86_64')).toEqual([
      [0, 6e9, 1.66667e-5],
      [6e9, 15e9, 1.5e-5],
      [15e9, null, 1.33334e-5],
    ]);
    expect(london.entry('lambda.durationPerGbSecond.x86_64')).toMatchObject({ provenance: 'own', higherTiers: { provenance: 'derived', from: 6e9 } });
    // Frankfurt's REST API: 3.70 for the first 333M (N22); the higher tiers have no rule (London's are 0.95/0.81/0.51 of
    // its first, us-east-1's 0.80/0.68/0.43), so they are us-east-1's and the note says so.
    const frankfurt = priceBook('eu-central-1');
    expect(frankfurt.tiers('apigw.restPerMillion').map((t) => t[2])).toEqual([3.7, 2.8, 2.38, 1.51]);
    expect(frankfurt.entry('apigw.restPerMillion')).toMatchObject({ provenance: 'own', higherTiers: { provenance: 'borrowed', region: 'us-east-1' } });
    expect(frankfurt.notesFor(['apigw.restPerMillion'])[0]).toMatch(
      /^Incomplete: 1 price borrowed from us-east-1 \(API Gateway REST requests above the first tier\)/,
    );
  });

  test('an unknown region is priced as us-east-1, every price borrowed', () => {
    const unknown = priceBook('xx-moon-1');
    expect(unknown.known).toBe(false);
    expect(unknown.entry('lambda.requestPerMillion')).toMatchObject({ provenance: 'borrowed', from: 'us-east-1' });
    expect(unknown.notesFor(['lambda.requestPerMillion'])[0]).toMatch(/xx-moon-1 is not in Crossover's price data/);
    expect(unknown.dateFor(['lambda.requestPerMillion'])).toBe('none of its own');
  });

  test('overrides replace a price and are labelled as the user’s', () => {
    const book = priceBook('us-east-1', { 'fargate.vcpuHour.x86_64': 0.05, 'apigw.httpPerMillion': 0.9 });
    expect(book.number('fargate.vcpuHour.x86_64')).toBe(0.05);
    expect(book.tiers('apigw.httpPerMillion')).toEqual([[0, null, 0.9]]);
    expect(book.notesFor(['fargate.vcpuHour.x86_64'])).toEqual(['Fargate vCPU (x86_64): your price override']);
    expect(byKey(book.used(['fargate.vcpuHour.x86_64']))['fargate.vcpuHour.x86_64']).toMatchObject({ provenance: 'override', region: 'your settings' });
  });
});

describe('the catalogue (prices for later platforms): own figures only', () => {
  test('EC2 instance prices and types by region; none where the region has no figure', () => {
    const us = priceBook('us-east-1');
    const m7g = us.catalogue('ec2.onDemandHour.m7g.large');
    expect(m7g).toMatchObject({ region: 'us-east-1' });
    expect(m7g!.value).toBeGreaterThan(0);
    expect(us.instanceTypes['m7g.large']).toMatchObject({ vcpu: 2, memoryGiB: 8, arch: 'arm64' });
    // No stored source has m7i.large in af-south-1 (not offered there in the 2025-04 feed): no figure, not a borrowed one.
    expect(priceBook('af-south-1').catalogue('ec2.onDemandHour.m7i.large')).toBeUndefined();
    expect(us.catalogue('constructor')).toBeUndefined();
  });
});
