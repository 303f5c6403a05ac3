/**
 * A binary min-heap of timed events, ordered by time then by insertion order, so that events
 * due at the same instant run first-scheduled first and every run is reproducible.
 */

/** One scheduled event. Treat as opaque; pass it to `cancel`. */
export interface ScheduledEvent {
  /** Virtual time in milliseconds at which the event runs. */
  readonly atMs: number;
  /** Insertion number, the tie-breaker. */
  readonly seq: number;
  /** What runs. */
  readonly action: () => void;
  /** Set by `cancel`; a cancelled event is skipped when it reaches the top. */
  cancelled: boolean;
}

function before(x: ScheduledEvent, y: ScheduledEvent): boolean {
  return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
}

/**
 * The event queue: push and pop in O(log n). Cancelled events are removed lazily.
 *
 * @example
 * ```ts
 * const q = new EventQueue();
 * q.push({ atMs: 5, seq: 0, action: () => {}, cancelled: false });
 * q.pop()?.atMs; // 5
 * ```
 */
export class EventQueue {
  private readonly heap: ScheduledEvent[] = [];

  /** Number of entries, cancelled ones not yet removed included. */
  get size(): number {
    return this.heap.length;
  }

  /** Adds an event. */
  push(e: ScheduledEvent): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  /** The earliest event without removing it (it may be cancelled). */
  peek(): ScheduledEvent | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest event (it may be cancelled). */
  pop(): ScheduledEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
