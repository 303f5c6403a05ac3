/**
 * Time on air of a trace frame, and the radio rules an uplink must keep: duty cycle under
 * each policy asked for, and the dwell time of the regions that have one (RP002-1.0.4: AS923,
 * US915).
 */
import { frameAirtime } from '../../src/airtime/frame.js';
import { fskAirtime } from '../../src/airtime/fsk.js';
import { loraAirtime } from '../../src/airtime/lora.js';
import { DutyCycle } from '../duty-cycle/duty-cycle.js';
import type { Checking } from './checking.js';
import type { TraceFrame } from './parse.js';
import type { ValidateOptions } from './report.js';

/** True when `loraAirtime` accepts this modulation (it throws RangeError otherwise). */
function airtimeCovers(sf: number, bandwidthHz: number): boolean {
  return Number.isInteger(sf) && sf >= 6 && sf <= 12 && bandwidthHz > 0 &&
    Number.isFinite(bandwidthHz);
}

/**
 * Time on air of a frame of `length` bytes, from its data rate, else from the modulation the
 * trace states; undefined (with a note) when neither is covered.
 */
export function traceAirtimeMs(ctx: Checking, f: TraceFrame, dr: number | undefined,
  length: number): number | undefined {
  const region = ctx.region;
  const direction = f.direction === 'up' ? 'uplink' : 'downlink';
  if (dr !== undefined && region.dataRates[dr] !== undefined) {
    return frameAirtime(region, dr, length, { direction }).toaMs;
  }
  const lora = f.sf !== undefined && f.bandwidthHz !== undefined;
  if (lora && airtimeCovers(f.sf!, f.bandwidthHz!)) {
    const params = { sf: f.sf!, bandwidthHz: f.bandwidthHz!, crc: direction === 'uplink' };
    return loraAirtime(params, length).toaMs;
  }
  if (lora) {
    // A trace states its modulation as data: one the airtime formula does not cover (SF5
    // of newer radios, a zero bandwidth) skips the time checks for that frame only.
    ctx.notes.add(`line ${f.line}: SF${f.sf} at ${f.bandwidthHz} Hz is outside the airtime ` +
      'formula (SF6 to SF12, positive bandwidth): time on air and duty cycle not checked');
    return undefined;
  }
  return f.fsk ? fskAirtime({ bitRateBps: 50000 }, length).toaMs : undefined;
}

/** The duty-cycle and dwell-time rules of a trace's uplinks. */
export class RadioChecks {
  private readonly checkers: DutyCycle[] = [];

  constructor(private readonly ctx: Checking, policy: ValidateOptions['dutyCyclePolicy']) {
    const region = ctx.region;
    const p = policy ?? 'both';
    if (p !== 'off-time') this.checkers.push(new DutyCycle({ region, policy: 'credits' }));
    if (p !== 'credits') this.checkers.push(new DutyCycle({ region, policy: 'off-time' }));
  }

  /**
   * Applies a DutyCycleReq the device received: from then on its transmissions together may
   * use at most 1 / 2^maxDCycle of the time (TS001-1.0.4 §5.4), checked as `max-duty-cycle`.
   */
  setMaxDutyCycle(maxDCycle: number): void {
    for (const dc of this.checkers) dc.setMaxDutyCycle(maxDCycle);
  }

  /** Checks and records an uplink of `toaMs` at `f.frequencyHz`, `f.timeMs`. */
  uplink(f: TraceFrame, toaMs: number): void {
    const { ctx } = this;
    ctx.counts.airtime += toaMs;
    for (let k = 0; k < this.checkers.length; k++) {
      const dc = this.checkers[k]!;
      const v = dc.check(f.frequencyHz, f.timeMs, toaMs);
      // Out-of-band (a property of the frequency) and the DutyCycleReq cap (the same for every
      // policy) are said once, by the first policy.
      const shared = v?.rule === 'out-of-band' || v?.rule === 'max-duty-cycle';
      if (v && !(shared && k > 0)) ctx.flag(v.rule, f.line, v.message);
      dc.record(f.frequencyHz, f.timeMs, toaMs);
    }
    const dwell = ctx.region.dwellTimeMs;
    if (dwell !== undefined && toaMs > dwell) {
      ctx.flag('dwell-time', f.line,
        `${toaMs.toFixed(1)} ms on air exceeds the ${dwell} ms dwell time`);
    }
  }
}
