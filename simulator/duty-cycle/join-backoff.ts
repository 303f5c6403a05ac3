/**
 * The Join-Request retransmission back-off of TS001-1.0.4 §7 ("Retransmissions back-off"):
 * aggregated Join-Request airtime at most 36 s in the first hour after power-up or reset,
 * 36 s in the next 10 hours, then 8.7 s per 24 hours.
 *
 * The periods are counted from the reset, as LoRaMac-node's RegionCommon does (1 h, 10 h and
 * then successive 24 h periods), and a frame belongs to the period in which it starts.
 */

const HOUR_MS = 3_600_000;

/** One back-off period: where it starts and ends (since reset) and its airtime budget. */
export interface BackoffPeriod {
  index: number;
  fromMs: number;
  toMs: number;
  budgetMs: number;
}

/**
 * The back-off period holding `sinceResetMs`.
 *
 * @example joinBackoffPeriod(2 * 3_600_000).budgetMs // 36000
 */
export function joinBackoffPeriod(sinceResetMs: number): BackoffPeriod {
  if (sinceResetMs < HOUR_MS) return { index: 0, fromMs: 0, toMs: HOUR_MS, budgetMs: 36_000 };
  if (sinceResetMs < 11 * HOUR_MS) {
    return { index: 1, fromMs: HOUR_MS, toMs: 11 * HOUR_MS, budgetMs: 36_000 };
  }
  const k = Math.floor((sinceResetMs - 11 * HOUR_MS) / (24 * HOUR_MS));
  const fromMs = 11 * HOUR_MS + k * 24 * HOUR_MS;
  return { index: 2 + k, fromMs, toMs: fromMs + 24 * HOUR_MS, budgetMs: 8_700 };
}

/**
 * Join-Request airtime ledger of one device since its last reset.
 *
 * @example
 * ```ts
 * const b = new JoinBackoff(0);
 * b.earliestStartMs(1482.752, 0); // 0
 * ```
 */
export class JoinBackoff {
  private period: BackoffPeriod;
  private usedMs = 0;

  /** @param resetAtMs time of the power-up or reset */
  constructor(private resetAtMs: number) {
    this.period = joinBackoffPeriod(0);
  }

  /** Starts counting again (a device reset). */
  reset(atMs: number): void {
    this.resetAtMs = atMs;
    this.period = joinBackoffPeriod(0);
    this.usedMs = 0;
  }

  private roll(sinceMs: number): void {
    const p = joinBackoffPeriod(sinceMs);
    if (p.index !== this.period.index) {
      this.period = p;
      this.usedMs = 0;
    }
  }

  /** Airtime left in the period holding `atMs`. */
  remainingMs(atMs: number): number {
    const since = atMs - this.resetAtMs;
    const p = joinBackoffPeriod(since);
    return p.index === this.period.index ? p.budgetMs - this.usedMs : p.budgetMs;
  }

  /** The earliest start >= `nowMs` for a Join-Request of `toaMs`. */
  earliestStartMs(toaMs: number, nowMs: number): number {
    let t = nowMs;
    // At most two steps: the current period, else the start of the next one (empty budget).
    for (let i = 0; i < 3; i++) {
      if (this.remainingMs(t) >= toaMs) return t;
      t = this.resetAtMs + joinBackoffPeriod(t - this.resetAtMs).toMs;
    }
    return Infinity;
  }

  /** Records a Join-Request sent at `startMs` lasting `toaMs`. */
  record(startMs: number, toaMs: number): void {
    this.roll(startMs - this.resetAtMs);
    this.usedMs += toaMs;
  }

  /** Airtime used in the current period. */
  get usedInPeriodMs(): number {
    return this.usedMs;
  }
}
