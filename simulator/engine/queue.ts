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
  // The keys live in typed arrays beside the events: sifting compares numbers read from
  // contiguous memory instead of loading an object per comparison.
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private readonly events: (ScheduledEvent | undefined)[] = [];
  private n = 0;

  /** Number of entries, cancelled ones not yet removed included. */
  get size(): number {
    return this.n;
  }

  /** Adds an event. */
  push(e: ScheduledEvent): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const events = this.events;
    const t = e.atMs;
    const s = e.seq;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      // Stop below a parent that comes first: earlier, or as early and scheduled before.
      if (pt < t || (pt === t && seqs[p]! < s)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      events[i] = events[p];
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    events[i] = e;
  }

  /** The earliest event without removing it (it may be cancelled). */
  peek(): ScheduledEvent | undefined {
    return this.n > 0 ? this.events[0] : undefined;
  }

  /** Removes and returns the earliest event (it may be cancelled). */
  pop(): ScheduledEvent | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const events = this.events;
    const top = events[0];
    const n = --this.n;
    const lastEvent = events[n];
    const t = times[n]!;
    const s = seqs[n]!;
    events[n] = undefined;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && (times[r]! < times[l]! || (times[r] === times[l] && seqs[r]! < seqs[l]!))) {
        c = r;
      }
      const ct = times[c]!;
      // Stop when the moved-down last entry comes before the earlier child.
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      events[i] = events[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    events[i] = lastEvent;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
