/**
 * An independent duty-cycle check: for each transmitter and sub-band it verifies that no
 * one-hour window holds more airtime than the sub-band allows (ETSI EN 300 220-1 §4.2.3,
 * observation period one hour). It does not trust the limiter it audits: it only sees
 * transmissions, and counts every window that goes over.
 */

import { emptySpans, recordSpan, type Spans } from '../duty-cycle/spans.js';

/** A sub-band as the audit needs it. */
export interface AuditBand {
  fromHz: number;
  toHz: number;
  dutyCycle: number;
}

const WINDOW_MS = 3_600_000;

/**
 * A sub-band's spans. Their `totalMs` is made of the same additions as the window's sum below,
 * each term no smaller (whole spans), so it bounds that sum.
 */
type Track = Spans;

/**
 * Audits transmissions.
 *
 * @example
 * ```ts
 * const audit = new DutyCycleAudit(EU868.subBands);
 * audit.record('dev-1', 868.1e6, startMs, toaMs);
 * audit.violations; // 0
 * ```
 */
export class DutyCycleAudit {
  /** Transmissions after which some one-hour window exceeded its sub-band's budget. */
  violations = 0;
  /** The first few violations, described. */
  readonly examples: string[] = [];
  private readonly bands: readonly AuditBand[];
  /** Per transmitter, one track per sub-band (by index). */
  private readonly tracks = new Map<string, (Track | undefined)[]>();

  constructor(bands: readonly AuditBand[]) {
    this.bands = bands;
  }

  /** Records a transmission of `who` and checks the hour ending with it. */
  record(who: string, frequencyHz: number, startMs: number, toaMs: number): void {
    this.recordIn(who, this.tracksOf(who), frequencyHz, startMs, toaMs);
  }

  /**
   * The same as {@link DutyCycleAudit.record} for one transmitter, found once rather than
   * looked up by name at each transmission.
   *
   * @example
   * ```ts
   * const recordDev1 = audit.recorderFor('dev-1');
   * recordDev1(868.1e6, startMs, toaMs);
   * ```
   */
  recorderFor(who: string): (frequencyHz: number, startMs: number, toaMs: number) => void {
    const perBand = this.tracksOf(who);
    return (frequencyHz, startMs, toaMs) => this.recordIn(who, perBand, frequencyHz, startMs,
      toaMs);
  }

  private tracksOf(who: string): (Track | undefined)[] {
    let perBand = this.tracks.get(who);
    if (perBand === undefined) {
      perBand = [];
      this.tracks.set(who, perBand);
    }
    return perBand;
  }

  private recordIn(who: string, perBand: (Track | undefined)[], frequencyHz: number,
    startMs: number, toaMs: number): void {
    let bi = -1;
    for (let i = 0; i < this.bands.length; i++) {
      const b = this.bands[i]!;
      if (frequencyHz >= b.fromHz && frequencyHz < b.toHz) {
        bi = i;
        break;
      }
    }
    if (bi < 0) {
      this.violations++;
      if (this.examples.length < 5) this.examples.push(`${who}: ${frequencyHz} Hz is in no `
        + `sub-band`);
      return;
    }
    const band = this.bands[bi]!;
    if (band.dutyCycle >= 1) return;
    let t = perBand[bi];
    if (t === undefined) {
      t = emptySpans();
      perBand[bi] = t;
    }
    const end = startMs + toaMs;
    const from = end - WINDOW_MS;
    recordSpan(t, startMs, end, from);
    const budgetMs = band.dutyCycle * WINDOW_MS;
    // Within budget even counted whole: the window's share cannot be over.
    if (t.totalMs <= budgetMs + 1e-3) return;
    // The busiest one-hour window ending at a transmission's end is the one ending now, since
    // transmissions arrive in time order.
    let used = 0;
    for (let i = t.head; i < t.ends.length; i++) used += t.ends[i]! - Math.max(t.starts[i]!, from);
    if (used > budgetMs + 1e-3) {
      this.violations++;
      if (this.examples.length < 5) {
        this.examples.push(`${who}: ${(used / 1000).toFixed(2)} s in one hour on `
          + `${band.fromHz / 1e6}-${band.toHz / 1e6} MHz (budget `
            + `${(band.dutyCycle * 3600).toFixed(1)} s)`);
      }
    }
  }
}
