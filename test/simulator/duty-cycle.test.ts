import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { frameAirtime } from '../../src/airtime/index.js';
import { EU868, subBandOf } from '../../src/region/index.js';
import { DutyCycle, JoinBackoff, joinBackoffPeriod } from '../../simulator/duty-cycle/index.js';
import { loadVectors } from '../vectors.js';

const HOUR = 3_600_000;
// Frequencies across four EU868 sub-bands (1 %, 1 %, 0.1 %, 10 %).
const FREQS = [868_100_000, 868_300_000, 868_500_000, 867_100_000, 868_800_000, 869_525_000];

interface Tx {
  f: number;
  start: number;
  toa: number;
}

/** Schedules wishes through the policy, as a device would: defer, never drop. */
interface Wish {
  gap: number;
  f: number;
  dr: number;
  bytes: number;
}

function play(dc: DutyCycle, wishes: Wish[]): Tx[] {
  const out: Tx[] = [];
  let t = 0;
  for (const w of wishes) {
    const toa = frameAirtime(EU868, w.dr, w.bytes).toaMs;
    t += w.gap;
    const start = dc.earliestStartMs(w.f, toa, t);
    expect(dc.check(w.f, start, toa)).toBeUndefined();
    dc.record(w.f, start, toa);
    out.push({ f: w.f, start, toa });
    t = start + toa;
  }
  return out;
}

const wishArb = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 600_000 }),
    f: fc.constantFrom(...FREQS),
    dr: fc.integer({ min: 0, max: 5 }),
    bytes: fc.integer({ min: 13, max: 64 }),
  }),
  { minLength: 1, maxLength: 80 },
);

describe('duty cycle, credits policy', () => {
  const name = 'no sub-band exceeds its budget in any one-hour window';
  test.prop([wishArb], { numRuns: 60 })(name, (wishes) => {
    const txs = play(new DutyCycle({ region: EU868, policy: 'credits' }), wishes);
    // Brute force: the fullest windows start at a frame's start or end at a frame's end.
    for (const band of EU868.subBands) {
      const mine = txs.filter((x) => subBandOf(EU868, x.f) === band);
      const edges = mine.flatMap((x) => [
        [x.start, x.start + HOUR],
        [x.start + x.toa - HOUR, x.start + x.toa],
      ]);
      for (const [a, b] of edges) {
        const overlap = (x: Tx): number =>
          Math.max(0, Math.min(b!, x.start + x.toa) - Math.max(a!, x.start));
        const used = mine.reduce((s, x) => s + overlap(x), 0);
        expect(used).toBeLessThanOrEqual(band.dutyCycle * HOUR + 1e-6);
      }
    }
  });
});

describe('duty cycle, off-time policy', () => {
  const name = 'no transmission starts before its sub-band off-time ends';
  test.prop([wishArb], { numRuns: 60 })(name, (wishes) => {
    const txs = play(new DutyCycle({ region: EU868, policy: 'off-time' }), wishes);
    for (let i = 0; i < txs.length; i++) {
      const band = subBandOf(EU868, txs[i]!.f)!;
      const prev = txs.slice(0, i).filter((x) => subBandOf(EU868, x.f) === band).pop();
      if (prev) {
        const readyAt = prev.start + prev.toa / band.dutyCycle;
        expect(txs[i]!.start).toBeGreaterThanOrEqual(readyAt - 1e-6);
      }
    }
  });

  test('DutyCycleReq caps the aggregate: MaxDCycle 4 means 1/16', () => {
    const dc = new DutyCycle({ region: EU868, policy: 'off-time' });
    dc.setMaxDutyCycle(4);
    dc.record(869_525_000, 0, 1000);
    // 10 % band alone would allow 10 s; the aggregate 1/16 needs 16 s.
    expect(dc.earliestStartMs(869_525_000, 1000, 1000)).toBe(16_000);
    expect(dc.check(868_100_000, 5000, 100)?.rule).toBe('max-duty-cycle');
    expect(() => dc.setMaxDutyCycle(16)).toThrow(RangeError);
  });
});

describe('field report: 14 uplinks at DR0 ten seconds apart in the first hour', () => {
  // 51-byte FRMPayload (N at DR0) + 13 bytes = 64-byte PHYPayload: 2793.472 ms each
  // (radio.json tanupoo entry, SF12/125, 64 B). 14 x 2.793 s = 39.1 s > 36 s of the 1 % band.
  const toa = frameAirtime(EU868, 0, 64).toaMs;

  test('the frame length matches the radio.json reference', () => {
    type Toa = { sf: number; bw: number; payloadBytes: number; computedMs: number };
    const ref = loadVectors<{ toa: Toa[] }>('radio.json')
      .toa.find((v) => v.sf === 12 && v.bw === 125000 && v.payloadBytes === 64)!;
    expect(toa).toBeCloseTo(ref.computedMs, 6);
  });

  test('the credits policy defers the 13th and 14th, then every window holds', () => {
    const dc = new DutyCycle({ region: EU868, policy: 'credits' });
    const starts: number[] = [];
    let t = 0;
    for (let i = 0; i < 14; i++) {
      const f = EU868.defaultChannels[i % 3]!.frequencyHz;
      const s = dc.earliestStartMs(f, toa, Math.max(t, i * 10_000));
      dc.record(f, s, toa);
      starts.push(s);
      t = s + toa;
    }
    expect(starts.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10_000));
    // The 13th may end only once enough of the first frame has left the hour ending with it:
    // 12 full frames + the 13th = 36.3 s, so 0.315 s of the first must drop out.
    expect(starts[12]! + toa).toBeCloseTo(HOUR + 12 * toa + toa - 36_000, 3);
    expect(starts[13]).toBeGreaterThan(starts[12]!);
  });

  test('the same frames sent anyway are flagged under both policies', () => {
    for (const policy of ['credits', 'off-time'] as const) {
      const dc = new DutyCycle({ region: EU868, policy });
      const flagged: number[] = [];
      for (let i = 0; i < 14; i++) {
        const f = EU868.defaultChannels[i % 3]!.frequencyHz;
        if (dc.check(f, i * 10_000, toa)) flagged.push(i);
        dc.record(f, i * 10_000, toa);
      }
      const all = Array.from({ length: 13 }, (_, i) => i + 1);
      expect(flagged).toEqual(policy === 'credits' ? [12, 13] : all);
    }
  });
});

describe('join back-off (TS001-1.0.4 §7, radio.json joinBackoff)', () => {
  const rule = loadVectors<{ joinBackoff: { rule: string } }>('radio.json').joinBackoff.rule;

  test('periods follow the rule text: 36 s first hour, 36 s next 10 h, 8.7 s per 24 h', () => {
    expect(rule).toMatch(/36 s in the first hour/);
    expect(rule).toMatch(/8\.7 s per 24 h/);
    expect(joinBackoffPeriod(0)).toMatchObject({ budgetMs: 36_000, toMs: HOUR });
    expect(joinBackoffPeriod(HOUR)).toMatchObject({ budgetMs: 36_000, toMs: 11 * HOUR });
    expect(joinBackoffPeriod(11 * HOUR)).toMatchObject({ budgetMs: 8_700, toMs: 35 * HOUR });
    expect(joinBackoffPeriod(40 * HOUR)).toMatchObject({ fromMs: 35 * HOUR, budgetMs: 8_700 });
  });

  test('a device retrying joins as fast as allowed stays within each budget', () => {
    const toa = frameAirtime(EU868, 0, 23).toaMs; // Join-Request: 23 bytes
    const b = new JoinBackoff(0);
    const starts: number[] = [];
    let t = 0;
    while (t < 60 * HOUR) {
      const s = b.earliestStartMs(toa, t);
      b.record(s, toa);
      starts.push(s);
      t = s + toa + 1;
    }
    const inRange = (a: number, z: number): number =>
      starts.filter((s) => s >= a && s < z).length * toa;
    expect(inRange(0, HOUR)).toBeLessThanOrEqual(36_000);
    expect(inRange(0, HOUR)).toBeGreaterThan(36_000 - toa);
    expect(inRange(HOUR, 11 * HOUR)).toBeLessThanOrEqual(36_000);
    expect(inRange(11 * HOUR, 35 * HOUR)).toBeLessThanOrEqual(8_700);
    expect(inRange(35 * HOUR, 59 * HOUR)).toBeLessThanOrEqual(8_700);
  });
});
