/**
 * The transmissions of one sub-band over a rolling window, kept as spans [start, end) in start
 * order: the device's duty-cycle window and the scenario's audit both count airtime this way.
 */

/**
 * Spans as two arrays of plain numbers (unboxed and contiguous, where span objects would each
 * be a separate load), from index `head` on.
 */
export interface Spans {
  starts: number[];
  ends: number[];
  /** Index of the oldest span still kept: dropping is a cursor move, not a copy. */
  head: number;
  /**
   * Airtime of the spans from `head`, added in index order and summed again whenever spans are
   * dropped, so that its rounding error stays within a few units of the last place.
   */
  totalMs: number;
}

/** An empty ledger. */
export function emptySpans(): Spans {
  return { starts: [], ends: [], head: 0, totalMs: 0 };
}

/**
 * Drops the spans that end at or before `horizonMs`, then appends [startMs, endMs). Spans must
 * come in start order.
 */
export function recordSpan(s: Spans, startMs: number, endMs: number, horizonMs: number): void {
  const from = s.head;
  while (s.head < s.ends.length && s.ends[s.head]! <= horizonMs) s.head++;
  const dropped = s.head !== from;
  if (s.head > 64 && s.head * 2 > s.ends.length) {
    s.starts = s.starts.slice(s.head);
    s.ends = s.ends.slice(s.head);
    s.head = 0;
  }
  s.starts.push(startMs);
  s.ends.push(endMs);
  if (!dropped) {
    s.totalMs += endMs - startMs;
    return;
  }
  let sum = 0;
  for (let i = s.head; i < s.ends.length; i++) sum += s.ends[i]! - s.starts[i]!;
  s.totalMs = sum;
}
