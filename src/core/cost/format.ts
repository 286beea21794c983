/**
 * How amounts and counts are written for users, the one rule everywhere: CodeLens, hovers, reports, the status
 * bar, `crossover cost` and `crossover diff`, and the comparison view and summary (the webview imports this
 * module; it has no dependencies). The same amount reads the same in each.
 */

/** 1,500,000 -> "1.5M", 41,700,000 -> "41.7M", 2,000 -> "2k". */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${trim(n / 1e9)}B`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}

/** A whole count as written out, thousands grouped: "43,384" (not abbreviated: a count of things, not a volume). */
export function formatWhole(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return n < 0 ? `-${out}` : out;
}

function trim(n: number): string {
  return Number(n.toFixed(n < 10 ? 2 : 1)).toString();
}

/** "$1,234" above $100, "$12.34" below, "<$0.01" for tiny amounts. */
export function formatUsd(usd: number): string {
  if (usd > 0 && usd < 0.01) return '<$0.01';
  const abs = Math.abs(usd);
  const text = abs >= 100 ? Math.round(abs).toLocaleString('en-US') : abs.toFixed(2);
  return `${usd < 0 ? '-' : ''}$${text}`;
}
