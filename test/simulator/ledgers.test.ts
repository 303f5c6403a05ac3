/**
 * The airtime ledgers' shortcuts against plain recomputation: the duty-cycle window skips its
 * search when the hour's airtime fits, and the audit skips its sum when the whole ledger fits.
 * Both must answer exactly as the full computation does, violations included.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SlidingWindow } from '../../simulator/duty-cycle/window.js';
import { DutyCycleAudit } from '../../simulator/scenario/audit.js';

const HOUR = 3_600_000;

/** Transmissions in start order: gaps and airtimes in ms, some bursts over any budget. */
const schedule = fc.array(fc.record({
  gapMs: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 900_000 })),
  toaMs: fc.oneof(fc.double({ min: 1, max: 3_000, noNaN: true }), fc.constant(1482.752)),
}), { maxLength: 120 });

/** Dense bursts that fill a 1 % hour within a minute or two. */
const dense = fc.array(fc.record({
  gapMs: fc.integer({ min: 0, max: 400 }),
  toaMs: fc.double({ min: 500, max: 3_000, noNaN: true }),
}), { minLength: 10, maxLength: 60 });

describe('sliding window shortcut', () => {
  test.prop([fc.oneof(schedule, dense), fc.double({ min: 1, max: 3_000, noNaN: true })])(
    'earliestStartMs equals the full suffix-sum search over every span kept',
    (txs, probeToaMs) => {
      const budgetMs = 36_000;
      const w = new SlidingWindow(budgetMs, HOUR);
      const spans: [number, number][] = [];
      let t = 0;
      for (const { gapMs, toaMs } of txs) {
        t += gapMs;
        // The full search, as the window did it before the shortcut, over the spans it keeps
        // (those ending after the hour before the last recorded start).
        const last = spans.length > 0 ? spans[spans.length - 1]![0] : -Infinity;
        const kept = spans.filter((s) => s[1] > last - HOUR);
        const target = budgetMs - probeToaMs;
        let suffix = 0;
        let from = -Infinity;
        for (let i = kept.length - 1; i >= 0; i--) {
          const len = kept[i]![1] - kept[i]![0];
          if (suffix + len > target) {
            from = kept[i]![1] - (target - suffix);
            break;
          }
          suffix += len;
        }
        expect(w.earliestStartMs(t, probeToaMs)).toBe(Math.max(t, from + HOUR - probeToaMs));
        w.record(t, toaMs);
        spans.push([t, t + toaMs]);
      }
    },
  );
});

describe('audit shortcut', () => {
  test.prop([fc.oneof(schedule, dense)])('counts the violations a full recount finds', (txs) => {
    const audit = new DutyCycleAudit([{ fromHz: 868_000_000, toHz: 868_600_000,
      dutyCycle: 0.01 }]);
    const record = audit.recorderFor('dev');
    const spans: [number, number][] = [];
    let expected = 0;
    let t = 0;
    for (const { gapMs, toaMs } of txs) {
      t += gapMs;
      spans.push([t, t + toaMs]);
      // Airtime in the hour ending with this transmission, every span counted afresh.
      const end = t + toaMs;
      let used = 0;
      for (const [a, b] of spans) if (b > end - HOUR) used += b - Math.max(a, end - HOUR);
      if (used > 36_000 + 1e-3) expected++;
      record(868_100_000, t, toaMs);
    }
    expect(audit.violations).toBe(expected);
  });

  test('flags the 25th back-to-back 1.5 s frame in an hour of a 1 % sub-band', () => {
    const audit = new DutyCycleAudit([{ fromHz: 868_000_000, toHz: 868_600_000,
      dutyCycle: 0.01 }]);
    // 24 x 1500 ms = 36 s, exactly the budget; the 25th goes over.
    for (let i = 0; i < 25; i++) audit.record('dev', 868_100_000, i * 2_000, 1_500);
    expect(audit.violations).toBe(1);
    expect(audit.examples[0]).toContain('37.50 s in one hour');
  });
});
