import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fskAirtime, frameAirtime, loraAirtime } from '../../src/airtime/index.js';
import { EU868, US915 } from '../../src/region/index.js';
import { loadVectors } from '../vectors.js';

interface ToaVector {
  sf: number;
  bw: number;
  cr: '4/5' | '4/6' | '4/7' | '4/8';
  preamble: number;
  explicitHeader: boolean;
  crc: boolean;
  ldro: boolean;
  payloadBytes: number;
  expectedMs: number;
  computedMs: number;
  payloadSymbols: number;
  source: string;
  eu868Dr?: number;
}

const radio = loadVectors<{ toa: ToaVector[] }>('radio.json');

describe('LoRa time on air against radio.json', () => {
  test('has vectors to check', () => {
    expect(radio.toa.length).toBeGreaterThan(50);
  });

  for (const [i, v] of radio.toa.entries()) {
    const name = `#${i} SF${v.sf}/${v.bw / 1000} ${v.cr} pre${v.preamble} ` +
      `${v.explicitHeader ? 'EH' : 'IH'} ${v.ldro ? 'LDRO' : ''} ${v.payloadBytes} B`;
    test(`${name} = ${v.expectedMs} ms (${v.source.slice(0, 40)})`, () => {
      const a = loraAirtime(
        {
          sf: v.sf,
          bandwidthHz: v.bw,
          codingRate: v.cr,
          preambleSymbols: v.preamble,
          explicitHeader: v.explicitHeader,
          crc: v.crc,
          lowDataRateOptimize: v.ldro,
        },
        v.payloadBytes,
      );
      // Sources print 0.1 ms or finer; the formula's exact value is `computedMs`.
      expect(Math.abs(a.toaMs - v.expectedMs)).toBeLessThan(0.05);
      expect(a.toaMs).toBeCloseTo(v.computedMs, 6);
      expect(a.payloadSymbols).toBe(v.payloadSymbols);
      expect(a.toaCeilMs).toBe(Math.ceil(v.computedMs));
    });
  }

  test('EU868 DR entries agree with frameAirtime and the automatic LDRO rule', () => {
    const withDr = radio.toa.filter((v) => v.eu868Dr !== undefined);
    expect(withDr.length).toBeGreaterThan(10);
    for (const v of withDr) {
      expect(frameAirtime(EU868, v.eu868Dr!, v.payloadBytes).toaMs).toBeCloseTo(v.computedMs, 6);
    }
  });
});

describe('low data rate optimisation', () => {
  test('is automatic for SF11 and SF12 at 125 kHz only among EU868 LoRa rates', () => {
    // Checked against the explicit flag: auto must equal the datasheet's mandate.
    for (let sf = 7; sf <= 12; sf++) {
      const auto = loraAirtime({ sf, bandwidthHz: 125000 }, 51);
      const forced = loraAirtime({ sf, bandwidthHz: 125000, lowDataRateOptimize: sf >= 11 }, 51);
      expect(auto.toaMs).toBe(forced.toaMs);
    }
  });
});

describe('FSK (EU868 DR7)', () => {
  test('counts preamble 5, sync 3, length 1, CRC 2 bytes at 50 kbit/s', () => {
    // 23 + 11 bytes = 272 bits at 50 kbit/s = 5.44 ms (RP002-1.0.1 §2.4.3 FSK framing).
    expect(fskAirtime({ bitRateBps: 50000 }, 23)).toEqual({ toaMs: 5.44, toaCeilMs: 6 });
    expect(frameAirtime(EU868, 7, 23).toaMs).toBe(5.44);
  });
});

describe('argument checks', () => {
  test('rejects bad SF, bandwidth, coding rate and length, naming the argument', () => {
    expect(() => loraAirtime({ sf: 13, bandwidthHz: 125000 }, 1)).toThrow(/sf/);
    expect(() => loraAirtime({ sf: 7, bandwidthHz: 0 }, 1)).toThrow(/bandwidthHz/);
    const badCr = { sf: 7, bandwidthHz: 125000, codingRate: 5 };
    expect(() => loraAirtime(badCr, 1)).toThrow(/codingRate/);
    expect(() => loraAirtime({ sf: 7, bandwidthHz: 125000 }, 256)).toThrow(/payloadBytes/);
    expect(() => frameAirtime(US915, 5, 10)).toThrow(RangeError);
  });

  test.prop([fc.integer({ min: 7, max: 12 }), fc.integer({ min: 0, max: 254 })])(
    'never shrinks when the payload grows',
    (sf, n) => {
      const a = loraAirtime({ sf, bandwidthHz: 125000 }, n).toaMs;
      const b = loraAirtime({ sf, bandwidthHz: 125000 }, n + 1).toaMs;
      expect(b).toBeGreaterThanOrEqual(a);
    },
  );
});
