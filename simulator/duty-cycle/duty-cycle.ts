/**
 * Duty-cycle enforcement for one device across a region's sub-bands, under one of two policies,
 * plus the aggregated cap a network sets with DutyCycleReq.
 */
import { subBandOf } from '../../src/region/lookup.js';
import type { Region, SubBand } from '../../src/region/types.js';
import { SlidingWindow } from './window.js';

/**
 * `credits`: airtime per sub-band within any rolling one-hour window stays within
 * dutyCycle x 1 h (ETSI EN 300 220-1 §4.2.3; LoRaMac-node's time credits, kept exact here).
 * `off-time`: after each frame the sub-band rests ToA / dutyCycle - ToA
 * (the per-transmission rule; ns-3 lorawan and many simulators).
 * `both`: a frame waits until both rules allow it. Neither rule implies the other: credits
 * allow bursts, and off-time alone lets one frame more than the budget into some windows.
 */
export type DutyCyclePolicy = 'credits' | 'off-time' | 'both';

/** Options of {@link DutyCycle}. */
export interface DutyCycleOptions {
  region: Region;
  /** Default `credits`. */
  policy?: DutyCyclePolicy;
  /** Observation window of the `credits` policy (default 3 600 000 ms). */
  windowMs?: number;
}

/** Why a transmission would break the duty cycle. */
export interface DutyCycleViolation {
  rule: 'duty-cycle-credits' | 'duty-cycle-off-time' | 'max-duty-cycle' | 'out-of-band';
  subBand?: string;
  /** The earliest allowed start, when there is one. */
  allowedAtMs: number;
  message: string;
}

interface BandState {
  band: SubBand;
  window: SlidingWindow;
  readyAtMs: number;
}

// Timing comparisons tolerate a microsecond of floating point noise.
const EPSILON_MS = 1e-6;

/**
 * Tracks a device's transmissions and says when the next one may start.
 *
 * @example
 * ```ts
 * const dc = new DutyCycle({ region: EU868, policy: 'off-time' });
 * dc.record(868_100_000, 0, 1482.752);
 * dc.earliestStartMs(868_300_000, 1482.752, 0); // 148275.2: same sub-band, 1 %
 * ```
 */
export class DutyCycle {
  readonly region: Region;
  readonly policy: DutyCyclePolicy;
  private readonly windowMs: number;
  private readonly bands = new Map<SubBand, BandState>();
  // Channel frequencies repeat: remember each one's band state (null: outside every band).
  private readonly byFrequency = new Map<number, BandState | null>();
  private aggregatedReadyAtMs = -Infinity;
  private maxDCycle = 0;
  // The last answer: a device asks for each of its channels in turn with the same frame and
  // time, and most channels share a sub-band. Forgotten whenever a transmission is recorded.
  private lastState: BandState | undefined;
  private lastToaMs = NaN;
  private lastNowMs = NaN;
  private lastStartMs = NaN;

  constructor(options: DutyCycleOptions) {
    this.region = options.region;
    this.policy = options.policy ?? 'credits';
    if (this.policy !== 'credits' && this.policy !== 'off-time' && this.policy !== 'both') {
      const got = String(this.policy);
      throw new RangeError(`policy: expected 'credits', 'off-time' or 'both', got '${got}'`);
    }
    this.windowMs = options.windowMs ?? 3_600_000;
  }

  /**
   * Sets the aggregated cap of DutyCycleReq: the device's total duty cycle becomes
   * 1 / 2^maxDCycle (TS001-1.0.4 §5.4); 0 removes the cap.
   *
   * @throws {RangeError} outside 0..15 (16..255 are RFU in TS001-1.0.4)
   */
  setMaxDutyCycle(maxDCycle: number): void {
    if (!Number.isInteger(maxDCycle) || maxDCycle < 0 || maxDCycle > 15) {
      throw new RangeError(`maxDCycle: expected 0 to 15, got ${maxDCycle}`);
    }
    this.maxDCycle = maxDCycle;
    this.lastState = undefined;
  }

  /** The current DutyCycleReq value. */
  get maxDutyCycle(): number {
    return this.maxDCycle;
  }

  private state(frequencyHz: number): BandState | undefined {
    const known = this.byFrequency.get(frequencyHz);
    if (known !== undefined) return known ?? undefined;
    const band = subBandOf(this.region, frequencyHz);
    if (band === undefined) {
      this.byFrequency.set(frequencyHz, null);
      return undefined;
    }
    let s = this.bands.get(band);
    if (s === undefined) {
      const window = new SlidingWindow(band.dutyCycle * this.windowMs, this.windowMs);
      s = { band, window, readyAtMs: -Infinity };
      this.bands.set(band, s);
    }
    this.byFrequency.set(frequencyHz, s);
    return s;
  }

  /**
   * The earliest time >= `nowMs` at which a frame of `toaMs` may start on `frequencyHz`;
   * `Infinity` when never (outside every sub-band, or longer than a whole window's budget).
   */
  earliestStartMs(frequencyHz: number, toaMs: number, nowMs: number): number {
    const s = this.state(frequencyHz);
    if (s === undefined) return Infinity;
    if (s === this.lastState && toaMs === this.lastToaMs && nowMs === this.lastNowMs) {
      return this.lastStartMs;
    }
    let t = Math.max(nowMs, this.aggregatedReadyAtMs);
    if (s.band.dutyCycle < 1) {
      if (this.policy !== 'credits') t = Math.max(t, s.readyAtMs);
      // The window's answer only moves later than its input, so one pass settles both rules.
      if (this.policy !== 'off-time') t = s.window.earliestStartMs(t, toaMs);
    }
    this.lastState = s;
    this.lastToaMs = toaMs;
    this.lastNowMs = nowMs;
    this.lastStartMs = t;
    return t;
  }

  /**
   * Checks a transmission against the rules without recording it.
   *
   * @returns the broken rule, or `undefined` when the frame is allowed
   */
  check(frequencyHz: number, startMs: number, toaMs: number): DutyCycleViolation | undefined {
    const s = this.state(frequencyHz);
    if (s === undefined) {
      return {
        rule: 'out-of-band',
        allowedAtMs: Infinity,
        message: `${frequencyHz} Hz is in no ${this.region.id} sub-band`,
      };
    }
    if (startMs + EPSILON_MS < this.aggregatedReadyAtMs) {
      return {
        rule: 'max-duty-cycle',
        allowedAtMs: this.aggregatedReadyAtMs,
        message: `DutyCycleReq MaxDCycle ${this.maxDCycle}: started ` +
          `${ms(this.aggregatedReadyAtMs - startMs)} before the aggregated off-time ended`,
      };
    }
    if (s.band.dutyCycle >= 1) return undefined;
    const allowed = this.earliestStartMs(frequencyHz, toaMs, startMs);
    if (allowed <= startMs + EPSILON_MS) return undefined;
    const pct = `${s.band.dutyCycle * 100} %`;
    if (this.policy !== 'credits' && startMs + EPSILON_MS < s.readyAtMs) {
      return {
        rule: 'duty-cycle-off-time',
        subBand: s.band.name,
        allowedAtMs: allowed,
        message: `sub-band ${s.band.name} (${pct}): started ${ms(allowed - startMs)} ` +
          'before its off-time ended',
      };
    }
    const used = s.window.usedMs(startMs + toaMs - this.windowMs, startMs + toaMs);
    return {
      rule: 'duty-cycle-credits',
      subBand: s.band.name,
      allowedAtMs: allowed,
      message: `sub-band ${s.band.name} (${pct}): ${ms(used + toaMs)} of airtime in the hour ` +
        `ending with this frame, budget ${ms(s.window.budgetMs)}`,
    };
  }

  /** Records a transmission (in start order). */
  record(frequencyHz: number, startMs: number, toaMs: number): void {
    const s = this.state(frequencyHz);
    if (s === undefined) return;
    this.lastState = undefined;
    s.window.record(startMs, toaMs);
    // Off-time rule: the band rests ToA/dc - ToA after the frame ends.
    s.readyAtMs = startMs + toaMs / s.band.dutyCycle;
    if (this.maxDCycle > 0) this.aggregatedReadyAtMs = startMs + toaMs * 2 ** this.maxDCycle;
  }
}

function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(3)} s` : `${x.toFixed(3)} ms`;
}
