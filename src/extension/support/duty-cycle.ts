/**
 * Keeps background work under a share of one core: after a piece of work that took `ms`, wait long
 * enough that work / (work + wait) stays at or below `share` (0.5 = at most half a core).
 */
export function restAfter(workMs: number, share: number, minimumMs = 1): number {
  const clamped = Math.min(Math.max(share, 0.05), 1);
  return Math.max(minimumMs, (workMs * (1 - clamped)) / clamped);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
