/**
 * Exact sliding-window airtime accounting for one sub-band: the "time credits over one hour"
 * policy.
 *
 * ETSI EN 300 220-1 V3.1.1 §4.2.3 measures the duty cycle over one hour. LoRaMac-node keeps
 * time credits per band (a bucket refilled at the duty-cycle rate, capped at one hour's
 * budget); that bucket lets up to twice the budget through in a rolling hour when a full bucket
 * is emptied just before a refill completes. loire keeps the list of transmissions instead, so
 * that no rolling one-hour window ever holds more than the budget.
 */

/** One past transmission. */
interface Span {
  startMs: number;
  endMs: number;
}

/** Airtime ledger of one sub-band over a rolling window. */
export class SlidingWindow {
  private spans: Span[] = [];
  // Index of the oldest span still in the window: dropping is a cursor move, not a copy.
  private head = 0;

  /**
   * @param budgetMs airtime allowed in any window (duty cycle x window)
   * @param windowMs window length (ETSI: one hour)
   */
  constructor(
    readonly budgetMs: number,
    readonly windowMs: number,
  ) {}

  /** Airtime of past transmissions inside [fromMs, toMs]. */
  usedMs(fromMs: number, toMs: number): number {
    let sum = 0;
    for (let i = this.head; i < this.spans.length; i++) {
      const s = this.spans[i]!;
      const a = Math.max(s.startMs, fromMs);
      const b = Math.min(s.endMs, toMs);
      if (b > a) sum += b - a;
    }
    return sum;
  }

  /**
   * The earliest start >= `notBeforeMs` for a transmission of `toaMs` that keeps every window
   * within budget, or `Infinity` when the frame alone exceeds the budget.
   */
  earliestStartMs(notBeforeMs: number, toaMs: number): number {
    const target = this.budgetMs - toaMs;
    if (target < 0) return Infinity;
    // With the new frame last, the fullest window is the one ending where it ends; the past
    // airtime in it, f(w) for a window starting at w, only falls as w moves right. Find the
    // smallest w with f(w) <= target from suffix sums of the spans.
    const spans = this.spans;
    let suffix = 0;
    let w = -Infinity;
    for (let i = spans.length - 1; i >= this.head; i--) {
      const s = spans[i]!;
      const len = s.endMs - s.startMs;
      if (suffix + len > target) {
        w = s.endMs - (target - suffix);
        break;
      }
      suffix += len;
    }
    return Math.max(notBeforeMs, w + this.windowMs - toaMs);
  }

  /** Records a transmission; spans must come in start order. Old spans are dropped. */
  record(startMs: number, toaMs: number): void {
    const horizon = startMs - this.windowMs;
    while (this.head < this.spans.length && this.spans[this.head]!.endMs <= horizon) this.head++;
    if (this.head > 64 && this.head * 2 > this.spans.length) {
      this.spans = this.spans.slice(this.head);
      this.head = 0;
    }
    this.spans.push({ startMs, endMs: startMs + toaMs });
  }
}
