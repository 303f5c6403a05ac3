/**
 * Time on air is stated as exact milliseconds. At 125, 250 and 500 kHz the true LoRa duration
 * (SX1276 datasheet §4.1.1.6) is a multiple of 1/2000 ms, so it has at most four decimals;
 * float noise such as 18.048000000000002 (SF6, 125 kHz, 4 bytes) must not reach users.
 * Oracle: the same formula in BigInt rational arithmetic.
 */
import { describe, expect, test } from 'vitest';
import { loraAirtime } from '../../src/airtime/index.js';

/** The exact duration as a decimal string, from payload symbols counted by loire. */
function exactMs(sf: number, bandwidthHz: number, preamble: number, symbols: number): string {
  // toa = (preamble + 4.25 + symbols) * 2^sf * 1000 / bandwidthHz, scaled by 4 and by 10^4.
  const quarterSymbols = BigInt(4 * preamble + 17 + 4 * symbols);
  const num = quarterSymbols * 2n ** BigInt(sf) * 1000n * 10_000n;
  const den = 4n * BigInt(bandwidthHz);
  expect(num % den).toBe(0n);
  const tenThousandths = num / den;
  const whole = tenThousandths / 10_000n;
  const frac = (tenThousandths % 10_000n).toString().padStart(4, '0');
  return `${whole}.${frac}`;
}

describe('LoRa time on air has no float noise', () => {
  for (const bandwidthHz of [125_000, 250_000, 500_000]) {
    test(`every SF, coding rate and length at ${bandwidthHz / 1000} kHz`, () => {
      let checked = 0;
      for (let sf = 6; sf <= 12; sf++) {
        for (let cr = 1; cr <= 4; cr++) {
          for (let n = 0; n <= 255; n++) {
            const a = loraAirtime({ sf, bandwidthHz, codingRate: cr }, n);
            const exact = Number(exactMs(sf, bandwidthHz, 8, a.payloadSymbols!));
            if (a.toaMs !== exact) expect(`sf${sf} cr${cr} n${n}: ${a.toaMs}`).toBe(exact);
            expect(a.toaCeilMs).toBe(Math.ceil(exact));
            checked++;
          }
        }
      }
      expect(checked).toBe(7 * 4 * 256);
    });
  }

  test('the case that printed 18.048000000000002', () => {
    expect(loraAirtime({ sf: 6, bandwidthHz: 125_000 }, 4).toaMs).toBe(18.048);
  });
});
