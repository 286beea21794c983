/**
 * Names and short sentences every face uses (the CLI, the editor's hovers and lenses, the comparison view):
 * one wording each. No imports at run time, so the webview bundle takes them too.
 */
import { type FrontDoor } from '../cost/model.js';
import { type PriceUsed } from '../cost/price-book.js';

/** A front door as the CLI, the assumptions and the view's list name it. */
export const FRONT_DOOR_LABELS: Record<FrontDoor, string> = {
  'rest-api': 'API Gateway REST API',
  'http-api': 'API Gateway HTTP API',
  'websocket-api': 'API Gateway WebSocket API',
  alb: 'Application Load Balancer',
  'function-url': 'function URL (no charge)',
  none: 'none (invoked by events)',
};

/** When the totals do not cross in the range: which side is cheaper throughout (no final period). */
export function noCrossoverNote(kind: 'lambda-cheaper-throughout' | 'fargate-cheaper-throughout', platformLabel: string): string {
  return kind === 'lambda-cheaper-throughout'
    ? 'Lambda is cheaper up to 100 billion requests a month'
    : `${platformLabel} is cheaper (or equal) from 1,000 requests a month`;
}

const PROVENANCE_WORDS = { own: 'own', derived: 'derived', borrowed: 'borrowed', override: 'your override' } as const;

/** "1.59 up to 300M, 1.431 above" for tiers; the number for a flat price. */
export function priceFigure(p: Pick<PriceUsed, 'value' | 'tiers'>): string {
  const short = (n: number) =>
    n >= 1e9 && n % 1e8 === 0 ? `${n / 1e9}B` : n >= 1e6 && n % 1e5 === 0 ? `${n / 1e6}M` : n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (!p.tiers) return String(p.value ?? 0);
  if (p.tiers.length === 1) return String(p.tiers[0]![2]);
  return p.tiers.map(([from, to, price]) => (to === null ? `${price} above ${short(from)}` : `${price} up to ${short(to)}`)).join(', ');
}

/** How a price was obtained, in words: "own", "derived", "borrowed from us-east-1", "own (tiers from 300M derived)". */
export function provenanceText(p: PriceUsed): string {
  const base = p.provenance === 'borrowed' ? `borrowed from ${p.region}` : PROVENANCE_WORDS[p.provenance];
  const higher = p.higherTiers;
  if (!higher) return base;
  const from = higher.from >= 1e6 ? `${higher.from / 1e6}M` : higher.from.toLocaleString('en-US');
  return `${base} (tiers from ${from} ${higher.provenance === 'borrowed' ? `borrowed from ${higher.region}` : 'derived'})`;
}

/** Whether some price (or some tier of one) is borrowed from another region. */
export function pricesIncomplete(prices: readonly PriceUsed[]): boolean {
  return prices.some((p) => p.provenance === 'borrowed' || p.higherTiers?.provenance === 'borrowed');
}

/** "incomplete: 2 prices borrowed from us-east-1 (ALB LCU-hours, API Gateway REST requests from 333M)", or undefined when nothing is borrowed. */
export function incompleteNote(prices: readonly PriceUsed[]): string | undefined {
  const whole = prices.filter((p) => p.provenance === 'borrowed');
  const tiers = prices.filter((p) => p.provenance !== 'borrowed' && p.higherTiers?.provenance === 'borrowed');
  if (!whole.length && !tiers.length) return undefined;
  const from = [...new Set([...whole.map((p) => p.region), ...tiers.map((p) => p.higherTiers!.region)])].join(', ');
  const n = whole.length + tiers.length;
  const names = [...whole.map((p) => p.label), ...tiers.map((p) => `${p.label} above the first tier`)];
  return `Incomplete: ${n} price${n === 1 ? '' : 's'} borrowed from ${from} (${names.join(', ')})`;
}

/** The date line every face shows: "Prices: sa-east-1, dated 2026-08-10 to 2026-09-28 (7 own, 2 derived, 1 borrowed)". */
export function pricesSummary(region: string, priceDate: string, prices: readonly PriceUsed[]): string {
  return `Prices: ${pricesDated(region, priceDate, prices)}`;
}

/** The date line without its label: "sa-east-1, dated 2026-08-10 to 2026-09-28 (7 own, 2 derived, 1 borrowed)". */
export function pricesDated(region: string, priceDate: string, prices: readonly PriceUsed[]): string {
  const count = (kind: PriceUsed['provenance']) => prices.filter((p) => p.provenance === kind).length;
  const parts = (['own', 'derived', 'borrowed', 'override'] as const).flatMap((kind) =>
    count(kind) ? [`${count(kind)} ${kind === 'override' ? `override${count(kind) === 1 ? '' : 's'}` : kind}`] : [],
  );
  const date = priceDate.startsWith('none') || priceDate === 'undated' ? priceDate : `dated ${priceDate}`;
  return `${region}, ${date}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** One price as a line of a list: "NAT gateway hours: 0.093 USD per NAT gateway-hour, own (sa-east-1, 2026-08-10, high confidence)". */
export function priceLine(p: PriceUsed): string {
  return `${p.label}: ${priceFigure(p)} ${p.unit}, ${provenanceText(p)} (${p.region}, ${p.date}, ${p.confidence} confidence)`;
}
