/**
 * The discrete-event engine: a virtual clock and an event queue. Nothing here reads the wall
 * clock or uses timers; time moves only when the next event runs, so a year of simulated life
 * takes as long as its events take to compute.
 */
import { EventQueue, type ScheduledEvent } from './queue.js';
import { createRng, type Rng } from './rng.js';

/** Options of {@link Engine}. */
export interface EngineOptions {
  /** Seed of the engine's random source (default 1). Same seed, same run. */
  seed?: number;
  /** Virtual time at the start, in milliseconds (default 0). */
  startMs?: number;
}

/** Limits of one {@link Engine.run}. */
export interface RunOptions {
  /** Stop before the first event later than this virtual time; the clock then moves to it. */
  untilMs?: number;
  /** Stop after this many events (a guard against runaway models). */
  maxEvents?: number;
}

/**
 * A discrete-event simulation engine.
 *
 * Models schedule closures at virtual times; `run` executes them in time order (ties in
 * scheduling order). Each model takes its own random stream with `rng.fork()` so that adding a
 * device does not change the draws of the others.
 *
 * @example
 * ```ts
 * const engine = new Engine({ seed: 7 });
 * engine.after(1000, () => console.log('one second', engine.nowMs));
 * engine.run({ untilMs: 60_000 });
 * ```
 */
export class Engine {
  /** The engine's random source. */
  readonly rng: Rng;
  private readonly queue = new EventQueue();
  private now: number;
  private seq = 0;
  private executed = 0;

  constructor(options: EngineOptions = {}) {
    this.rng = createRng(options.seed ?? 1);
    this.now = options.startMs ?? 0;
    if (!Number.isFinite(this.now)) {
      throw new RangeError(`startMs: expected a finite number, got ${this.now}`);
    }
  }

  /** Current virtual time in milliseconds. */
  get nowMs(): number {
    return this.now;
  }

  /** Events run so far. */
  get eventsRun(): number {
    return this.executed;
  }

  /** Events waiting (cancelled ones not yet dropped included). */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Schedules `action` at virtual time `atMs`.
   *
   * @throws {RangeError} when `atMs` is in the past or not finite
   * @returns a handle for {@link Engine.cancel}
   */
  at(atMs: number, action: () => void): ScheduledEvent {
    if (!Number.isFinite(atMs) || atMs < this.now) {
      throw new RangeError(`atMs: expected a finite time >= now (${this.now}), got ${atMs}`);
    }
    const e: ScheduledEvent = { atMs, seq: this.seq++, action, cancelled: false };
    this.queue.push(e);
    return e;
  }

  /** Schedules `action` `delayMs` from now (`delayMs` >= 0). */
  after(delayMs: number, action: () => void): ScheduledEvent {
    if (!(delayMs >= 0)) throw new RangeError(`delayMs: expected a number >= 0, got ${delayMs}`);
    return this.at(this.now + delayMs, action);
  }

  /** Cancels a scheduled event; cancelling twice or after it ran does nothing. */
  cancel(event: ScheduledEvent | undefined): void {
    if (event !== undefined) event.cancelled = true;
  }

  /**
   * Runs events in time order.
   *
   * @returns the number of events run by this call
   */
  run(options: RunOptions = {}): number {
    const until = options.untilMs ?? Infinity;
    const max = options.maxEvents ?? Infinity;
    let n = 0;
    while (n < max) {
      const top = this.queue.peek();
      if (top === undefined || top.atMs > until) break;
      this.queue.pop();
      if (top.cancelled) continue;
      this.now = top.atMs;
      top.action();
      n++;
    }
    if (until !== Infinity && n < max && until > this.now) this.now = until;
    this.executed += n;
    return n;
  }
}
