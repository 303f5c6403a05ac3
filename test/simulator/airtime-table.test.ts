import { describe, expect, test } from 'vitest';
import { frameAirtime } from '../../src/airtime/frame.js';
import { EU868 } from '../../src/region/eu868.js';
import { frameToaMs } from '../../simulator/device/airtime-table.js';

describe('remembered time on air', () => {
  test('equals frameAirtime for every EU868 LoRa/FSK rate and length, both directions', () => {
    for (const direction of ['uplink', 'downlink'] as const) {
      for (let dr = 0; dr <= 7; dr++) {
        for (let n = 0; n < 256; n++) {
          const want = frameAirtime(EU868, dr, n, { direction }).toaMs;
          // Twice: the first call computes, the second reads the table.
          expect(frameToaMs(EU868, dr, n, direction)).toBe(want);
          expect(frameToaMs(EU868, dr, n, direction)).toBe(want);
        }
      }
    }
  });

  test('1482.752 ms for a Join-Request at DR0 (Semtech formula, as frameAirtime)', () => {
    expect(frameToaMs(EU868, 0, 23)).toBeCloseTo(1482.752, 3);
  });

  test('throws as frameAirtime does for a data rate the region lacks, cached or not', () => {
    expect(() => frameAirtime(EU868, 15, 20)).toThrow(RangeError);
    expect(() => frameToaMs(EU868, 15, 20)).toThrow(RangeError);
    expect(() => frameToaMs(EU868, 99, 20)).toThrow(RangeError);
  });
});
