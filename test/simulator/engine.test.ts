import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Engine, EventQueue, createRng } from '../../simulator/engine/index.js';

describe('event queue', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 })])(
    'pops in (time, insertion) order, as a stable sort does',
    (times) => {
      const q = new EventQueue();
      times.forEach((atMs, seq) => q.push({ atMs, seq, action: () => {}, cancelled: false }));
      const popped: number[] = [];
      for (let e = q.pop(); e !== undefined; e = q.pop()) popped.push(e.seq);
      const expected = times
        .map((t, i) => [t, i] as const)
        .sort((a, b) => a[0] - b[0])
        .map((x) => x[1]);
      expect(popped).toEqual(expected);
    },
  );
});

describe('engine', () => {
  test('runs events in virtual time and skips cancelled ones', () => {
    const engine = new Engine();
    const seen: string[] = [];
    engine.at(30, () => seen.push(`c@${engine.nowMs}`));
    const b = engine.at(20, () => seen.push('b'));
    engine.at(10, () => {
      seen.push(`a@${engine.nowMs}`);
      engine.after(5, () => seen.push(`a2@${engine.nowMs}`));
    });
    engine.cancel(b);
    expect(engine.run({ untilMs: 25 })).toBe(2);
    expect(engine.nowMs).toBe(25);
    engine.run();
    expect(seen).toEqual(['a@10', 'a2@15', 'c@30']);
    expect(() => engine.at(1, () => {})).toThrow(RangeError);
  });

  test('maxEvents stops a runaway model', () => {
    const engine = new Engine();
    const tick = (): void => void engine.after(1, tick);
    tick();
    expect(engine.run({ maxEvents: 1000 })).toBe(1000);
  });
});

describe('seeded random source', () => {
  test('same seed, same stream; different seeds, different streams', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 100 }, () => a.nextU32());
    expect(Array.from({ length: 100 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.nextU32())).not.toEqual(xs);
  });

  test('is close to uniform (chi-square over 16 bins, 160 000 draws)', () => {
    const rng = createRng(7);
    const bins = new Array<number>(16).fill(0);
    for (let i = 0; i < 160_000; i++) bins[rng.int(0, 15)]!++;
    const chi2 = bins.reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    // 15 degrees of freedom: p = 0.001 critical value is 37.7.
    expect(chi2).toBeLessThan(37.7);
  });

  test.prop([fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000)])(
    'int stays in its bounds',
    (seed, min, span) => {
      const rng = createRng(seed);
      for (let i = 0; i < 20; i++) {
        const x = rng.int(min, min + span);
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(min + span);
      }
    },
  );
});
