/**
 * The robustness campaign's harness: fast-check properties over loire's public decoders, each
 * call timed. The same targets run twice: in `npm test` with a small budget (a few hundred cases
 * each), and under `npm run fuzz` (FUZZ=full, vitest.fuzz.config.ts) with the full budget, which
 * also writes a per-target report to `.tmp/fuzz/` for `scripts/fuzz-report.mjs`.
 *
 * Pass criteria for every call: it returns, or throws the library's typed error for bad data
 * (the target says which); it never throws anything else; it takes under 10 ms.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { ROOT } from '../vectors.js';

/** True under `npm run fuzz`. */
export const FULL = process.env.FUZZ === 'full';

/** A call slower than this fails the campaign (measured again to rule out a stall). */
export const SLOW_MS = 10;

/** Runs in CI (`npm test`). */
const CI_RUNS = 200;

/** The per-target number of runs: `full` under `npm run fuzz`, a small fixed count otherwise. */
export function runsFor(full: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return FULL ? Math.max(1, Math.round(full * scale)) : CI_RUNS;
}

/** What one target's campaign measured. */
export interface TargetStats {
  target: string;
  runs: number;
  calls: number;
  /** Calls that returned a value, and calls that threw the expected typed error. */
  accepted: number;
  rejected: number;
  /** The slowest call, re-measured (the least of up to 5 tries) so a stall does not count. */
  slowestMs: number;
  slowestInput: string;
  /** The slowest single measurement, stalls included. */
  slowestRawMs: number;
  seed: number | undefined;
  elapsedS: number;
}

/** Collects timing for one target; `call` is what properties use to invoke a decoder. */
export class Campaign {
  readonly stats: TargetStats;
  private readonly started = performance.now();

  constructor(target: string) {
    this.stats = {
      target, runs: 0, calls: 0, accepted: 0, rejected: 0, slowestMs: 0, slowestInput: '',
      slowestRawMs: 0, seed: undefined, elapsedS: 0,
    };
  }

  /**
   * Calls `fn`, times it, and classifies the outcome: a value (a refusal when `refused` says
   * so), or an error `expected` accepts (returned as `{ error }`). Any other error is re-thrown
   * so the property fails with it, and a call that stays over {@link SLOW_MS} when measured
   * again throws too.
   */
  call<T>(
    fn: () => T,
    expected: (e: unknown) => boolean,
    describe: () => string,
    refused: (value: T) => boolean = () => false,
  ): { ok: true; value: T } | { ok: false; error: unknown } {
    this.stats.calls++;
    let t0 = performance.now();
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    let ms = performance.now() - t0;
    if (ms > this.stats.slowestRawMs) this.stats.slowestRawMs = ms;
    if (ms > this.stats.slowestMs) {
      // Measure again: the machine is shared, so one slow call may be a stall, not the input.
      for (let i = 0; i < 4 && ms > this.stats.slowestMs; i++) {
        t0 = performance.now();
        try {
          fn();
        } catch {
          // Same input, same outcome: only the time matters here.
        }
        ms = Math.min(ms, performance.now() - t0);
      }
      if (ms > this.stats.slowestMs) {
        this.stats.slowestMs = ms;
        this.stats.slowestInput = describe();
      }
      if (ms >= SLOW_MS) {
        throw new Error(`slow call: ${ms.toFixed(1)} ms (limit ${SLOW_MS}) on ${describe()}`);
      }
    }
    if (outcome.ok) {
      // A value that reports a refusal (a TS013 result with errors) counts as rejected.
      if (refused(outcome.value)) this.stats.rejected++;
      else this.stats.accepted++;
    } else if (expected(outcome.error)) {
      this.stats.rejected++;
    } else {
      throw outcome.error;
    }
    return outcome;
  }

  /** {@link Campaign.call} for an async `fn`: the time is until its promise settles. */
  async callAsync<T>(
    fn: () => Promise<T>,
    expected: (e: unknown) => boolean,
    describe: () => string,
    refused: (value: T) => boolean = () => false,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    this.stats.calls++;
    let t0 = performance.now();
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    let ms = performance.now() - t0;
    if (ms > this.stats.slowestRawMs) this.stats.slowestRawMs = ms;
    if (ms > this.stats.slowestMs) {
      for (let i = 0; i < 4 && ms > this.stats.slowestMs; i++) {
        t0 = performance.now();
        await fn().catch(() => undefined);
        ms = Math.min(ms, performance.now() - t0);
      }
      if (ms > this.stats.slowestMs) {
        this.stats.slowestMs = ms;
        this.stats.slowestInput = describe();
      }
      if (ms >= SLOW_MS) {
        throw new Error(`slow call: ${ms.toFixed(1)} ms (limit ${SLOW_MS}) on ${describe()}`);
      }
    }
    if (outcome.ok) {
      if (refused(outcome.value)) this.stats.rejected++;
      else this.stats.accepted++;
    } else if (expected(outcome.error)) this.stats.rejected++;
    else throw outcome.error;
    return outcome;
  }

  /** {@link Campaign.assert} for async properties. */
  async assertAsync<Ts extends [unknown, ...unknown[]]>(
    property: fc.IAsyncProperty<Ts>,
    runs: number,
  ): Promise<void> {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const details = await fc.check(property,
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) });
    this.stats.runs += details.numRuns;
    this.stats.seed = details.seed;
    this.stats.elapsedS = (performance.now() - this.started) / 1000;
    if (FULL) this.write();
    if (details.failed) {
      throw new Error(`${this.stats.target}: ${fc.defaultReportMessage(details)}`);
    }
  }

  /** Runs `property` for `runs` cases and records the outcome (the report is written always). */
  assert<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, runs: number): void {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const details = fc.check(property, { numRuns: runs, ...(seed === undefined ? {} : { seed }) });
    this.stats.runs += details.numRuns;
    this.stats.seed = details.seed;
    this.stats.elapsedS = (performance.now() - this.started) / 1000;
    if (FULL) this.write();
    if (details.failed) {
      throw new Error(`${this.stats.target}: ${fc.defaultReportMessage(details)}`);
    }
  }

  private write(): void {
    const dir = join(ROOT, '.tmp', 'fuzz');
    mkdirSync(dir, { recursive: true });
    const file = this.stats.target.replace(/[^a-z0-9]+/gi, '-');
    writeFileSync(join(dir, `${file}.json`), JSON.stringify(this.stats, null, 2));
  }
}

/** Lowercase hex of bytes, for reports. */
export function hex(bytes: Uint8Array | readonly number[]): string {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}
