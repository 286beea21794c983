// The bundled prices: generated from data/pricing/prices.json by `npm run pricing`, every figure traced to
// a source and a date, and a region's missing prices taken from us-east-1 with a note.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { priceBook, regions } from '../../../src/core/cost/price-book.js';
import { renderPriceModule } from '../../../src/core/data/price-module.js';
import { REGIONAL_PRICE_KEYS, resolvePriceTable, type PriceSource } from '../../../src/core/data/price-table.js';
import { PRICE_TABLE } from '../../../src/core/data/pricing.js';

const root = join(import.meta.dirname, '..', '..', '..');
const source = JSON.parse(readFileSync(join(root, 'data/pricing/prices.json'), 'utf8')) as PriceSource;

describe('the price table', () => {
  test('the bundled module is what `npm run pricing` makes of data/pricing/prices.json', () => {
    expect(readFileSync(join(root, 'src/core/data/pricing.generated.ts'), 'utf8')).toBe(renderPriceModule(source));
  });

  test('every price in every region has a date, a confidence and sources that the table lists', () => {
    for (const [region, { prices }] of Object.entries(PRICE_TABLE.regions)) {
      for (const key of REGIONAL_PRICE_KEYS) {
        const entry = prices[key];
        expect(entry, `${region} ${key}`).toBeDefined();
        expect(entry.date, `${region} ${key}`).toMatch(/^\d{4}-\d{2}(-\d{2})?$|^undated/);
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

  test('14 regions, with the names users see', () => {
    expect(regions().length).toBe(14);
    expect(regions()).toContainEqual({ id: 'eu-west-2', name: 'Europe (London)' });
  });
});

describe('a region', () => {
  test("own prices are used where the sources have them (eu-west-2's Fargate and ALB)", () => {
    const london = priceBook('eu-west-2');
    expect(london.number('fargate.vcpuHour.x86_64')).toBe(0.04656);
    expect(london.number('alb.hour')).toBe(0.02646);
    expect(london.notesFor(['fargate.vcpuHour.x86_64', 'alb.hour'])).toEqual([]);
  });

  test('a missing price falls back to us-east-1 and says so', () => {
    const ohio = priceBook('us-east-2');
    expect(ohio.number('alb.hour')).toBe(0.0225);
    expect(ohio.entry('alb.hour').fallback).toMatch(/us-east-1/);
    expect(ohio.notesFor(['alb.hour'])).toEqual(['ALB hours: no us-east-2 price in the sources; the us-east-1 price is used']);
  });

  test('first-tier-only duration prices keep the us-east-1 higher tiers, noted', () => {
    const london = priceBook('eu-west-2');
    expect(london.tiers('lambda.durationPerGbSecond.x86_64').map((t) => t[0])).toEqual([0, 6e9, 15e9]);
    expect(london.entry('lambda.durationPerGbSecond.x86_64').fallback).toMatch(/volume tiers from 6,000,000,000 a month on come from us-east-1/);
  });

  test('an unknown region is priced as us-east-1, and every figure says so', () => {
    const unknown = priceBook('xx-moon-1');
    expect(unknown.known).toBe(false);
    expect(unknown.notesFor(['lambda.requestPerMillion'])[0]).toMatch(/xx-moon-1 is not in Crossover's price data/);
  });

  test('overrides replace a price and are labelled as the user’s', () => {
    const book = priceBook('us-east-1', { 'fargate.vcpuHour.x86_64': 0.05, 'apigw.httpPerMillion': 0.9 });
    expect(book.number('fargate.vcpuHour.x86_64')).toBe(0.05);
    expect(book.tiers('apigw.httpPerMillion')).toEqual([[0, null, 0.9]]);
    expect(book.notesFor(['fargate.vcpuHour.x86_64'])).toEqual(['Fargate vCPU (x86_64): your price override']);
  });
});
