import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { roundToFloat32 } from '../../../codecs/framework/float32.js';

// Math.fround is the oracle: the function exists because built scripts may not call it.
describe('roundToFloat32', () => {
  test.prop([fc.double()], { numRuns: 2000 })('agrees with Math.fround on any double', (x) => {
    expect(Object.is(roundToFloat32(x), Math.fround(x))).toBe(true);
  });

  test.prop([fc.integer({ min: -40000, max: 40000 }), fc.constantFrom(10, 100, 1000, 10000)])(
    'agrees with Math.fround on LPP-like decimals',
    (raw, divisor) => {
      expect(roundToFloat32(raw / divisor)).toBe(Math.fround(raw / divisor));
    },
  );

  test('prints 27.2 as The Things Stack does (its Cayenne LPP docs page)', () => {
    expect(roundToFloat32(27.2)).toBe(27.200000762939453);
  });

  test('handles ties to even, subnormals and overflow', () => {
    for (const x of [1 + 2 ** -24, 1 + 3 * 2 ** -24, 2 ** -149, 2 ** -150, 3 * 2 ** -150,
      3.4028235677973366e38, 3.4028235677973362e38, -0, 1e-46]) {
      expect(Object.is(roundToFloat32(x), Math.fround(x))).toBe(true);
    }
  });
});
