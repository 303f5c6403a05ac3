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

import { emptySpans, recordSpan, type Spans } from './spans.js';

/** Airtime ledger of one sub-band over a rolling window. */
export class SlidingWindow {
  // Past transmissions (see spans.ts).
  private readonly spans: Spans = emptySpans();

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
    const { starts, ends, head } = this.spans;
    let sum = 0;
    for (let i = head; i < starts.length; i++) {
      const a = Math.max(starts[i]!, fromMs);
      const b = Math.min(ends[i]!, toMs);
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
    const { starts, ends, head, totalMs } = this.spans;
    // All the past airtime fits beside the frame (with a margin far above rounding): no window
    // can overflow, and the search below would find nothing.
    if (totalMs < target - 1e-6) return notBeforeMs;
    // With the new frame last, the fullest window is the one ending where it ends; the past
    // airtime in it, f(w) for a window starting at w, only falls as w moves right. Find the
    // smallest w with f(w) <= target from suffix sums of the spans.
    let suffix = 0;
    let w = -Infinity;
    for (let i = starts.length - 1; i >= head; i--) {
      const len = ends[i]! - starts[i]!;
      if (suffix + len > target) {
        w = ends[i]! - (target - suffix);
        break;
      }
      suffix += len;
    }
    return Math.max(notBeforeMs, w + this.windowMs - toaMs);
  }

  /** Records a transmission; spans must come in start order. Old spans are dropped. */
  record(startMs: number, toaMs: number): void {
    recordSpan(this.spans, startMs, startMs + toaMs, startMs - this.windowMs);
  }
}
