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

/**
 * `restAfter` for a loop of many small pieces of work (a scan of thousands of small files): the rest owed is
 * added up and taken once it reaches `minRestMs`, with only a turn of the event loop in between, so a piece
 * of work of a tenth of a millisecond does not cost a timer's millisecond. Over the loop the work stays at
 * or below `share` of a core, as with a rest after every piece.
 */
export class DutyCycle {
  private owedMs = 0;
  /** Timers set (for tests and logs). */
  rests = 0;

  constructor(
    private readonly share: number,
    private readonly minRestMs = 4,
  ) {}

  async after(workMs: number): Promise<void> {
    this.owedMs += restAfter(workMs, this.share, 0);
    if (this.owedMs >= this.minRestMs) {
      const ms = this.owedMs;
      this.owedMs = 0;
      this.rests++;
      await sleep(ms);
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
