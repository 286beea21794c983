/**
 * Names and short sentences every face uses (the CLI, the editor's hovers and lenses, the comparison view):
 * one wording each. No imports at run time, so the webview bundle takes them too.
 */
import { formatUsd } from '../cost/format.js';
import { type FrontDoor } from '../cost/model.js';
import { type PriceUsed } from '../cost/price-book.js';
import { type Flip } from '../cost/sensitivity.js';

/** A front door as the CLI, the assumptions and the view's list name it. */
export const FRONT_DOOR_LABELS: Record<FrontDoor, string> = {
  'rest-api': 'API Gateway REST API',
  'http-api': 'API Gateway HTTP API',
  'websocket-api': 'API Gateway WebSocket API',
  alb: 'Application Load Balancer',
  'function-url': 'function URL (no charge)',
  none: 'none (invoked by events)',
};

/** "$175 of it API Gateway HTTP API": how much of a platform's figure is its front door. */
export function frontDoorText(door: { name: string; usd: number }): string {
  return `${formatUsd(door.usd)} of it ${door.name}`;
}

/** When the totals do not cross in the range: which side is cheaper throughout (no final period). */
export function noCrossoverNote(kind: 'lambda-cheaper-throughout' | 'fargate-cheaper-throughout', platformLabel: string): string {
  return kind === 'lambda-cheaper-throughout'
    ? 'Lambda is cheaper up to 100 billion requests a month'
    : `${platformLabel} is cheaper (or equal) from 1,000 requests a month`;
}

/** Where another platform is cheaper than Lambda, as the report gives it (core/cost/report.ts CrossoverEntry). */
interface VerdictEntry {
  requestsPerMonth: number | null;
  staysCheaperFrom?: number | null;
  exceptions?: readonly { from: number; to: number; cheaper: string; withinUsd?: number }[];
  ranges?: readonly { from: number; to: number; cheaper: string }[];
  note?: string;
}

/** Exception ranges named one by one before the rest are counted. */
const EXCEPTIONS_NAMED = 2;

/**
 * The verdict over traffic as one sentence (no final period), true at every volume: "Fargate is cheaper from about
 * 31M requests/month, except 52.6M-62M", "..., except 1 more range; for good from 90M", "Fargate is cheaper from
 * 31M to 400M requests/month; Lambda again above". `count` formats a volume, `strong` marks the key figure.
 */
export function verdictText(entry: VerdictEntry, platformLabel: string, count: (n: number) => string, strong: (text: string) => string = (t) => t): string {
  if (entry.requestsPerMonth === null) return entry.note ?? '';
  const from = `${platformLabel} is cheaper from about ${strong(`${count(entry.requestsPerMonth)} requests/month`)}`;
  const exceptions = entry.exceptions ?? [];
  const span = (r: { from: number; to: number }) => `${count(r.from)}-${count(r.to)}`;
  const lambdaRanges = exceptions.filter((r) => r.cheaper === 'lambda');
  const mixed = exceptions.filter((r) => r.cheaper === 'mixed');
  const stays = entry.staysCheaperFrom ?? null;
  const last = entry.ranges?.[entry.ranges.length - 1];
  // Lambda cheaper again at the top of the range: the last exception is open-ended.
  const openEnded = stays === null && last !== undefined && last.cheaper !== 'other' ? last : undefined;
  const inner = lambdaRanges.filter((r) => r !== openEnded);
  const parts: string[] = [from];
  if (inner.length) {
    const named = inner.slice(0, EXCEPTIONS_NAMED).map(span);
    const more = inner.length - named.length;
    parts[0] += `, except ${named.join(', ')}${more > 0 ? ` and ${more} more range${more === 1 ? '' : 's'}` : ''} (Lambda cheaper there)`;
  }
  if (mixed.length)
    parts.push(
      `from ${count(mixed[0]!.from)} to ${count(mixed[mixed.length - 1]!.to)} the two alternate within one task's cost ($${Math.round(Math.max(...mixed.map((m) => m.withinUsd ?? 0)))})`,
    );
  if (openEnded) parts.push(`Lambda is cheaper again above ${count(openEnded.from)}`);
  else if (stays !== null && stays > entry.requestsPerMonth * 1.0001) parts.push(`for good from ${count(stays)}`);
  return parts.join('; ');
}

/** One assumption that flips the verdict, as a sentence (no final period). */
export function flipText(flip: Flip): string {
  const name = /^[A-Z][a-z]/.test(flip.name) ? flip.name.charAt(0).toLowerCase() + flip.name.slice(1) : flip.name;
  return `${flip.to === 'lambda' ? 'Lambda' : 'Fargate'} becomes cheaper if ${name} is ${flip.direction} ${flip.threshold} (now ${flip.now}; plausible ${flip.range})`;
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
