import { describe, expect, test } from 'vitest';
import {
  AS923,
  EU868,
  US915,
  dataRateOf,
  drOf,
  regionById,
  subBandOf,
} from '../../src/region/index.js';
import { loadVectors } from '../vectors.js';

// The reference shapes are those of ../shared/vectors/radio.json (RP002-1.0.1 and LoRaMac-node).
interface Radio {
  eu868: {
    subbands: { fromMHz: number; toMHz: number; dutyCycle: number; maxErpDbm?: number }[];
    defaultChannels: { freqMHz: number[]; maxChannels: number };
    rx2: { freqMHz: number; dr: number; sf: number; bwkHz: number };
    rx1: { rx1DrOffsetRange: [number, number] };
    delays: Record<string, number | string>;
    dataRates: {
      dr: number | string;
      sf?: number;
      bwkHz?: number;
      bps?: number;
      fskKbps?: number;
    }[];
    txPower: { maxEirpDefaultDbm: number };
    maxPayloadByDr: {
      dr: number;
      M: number;
      N: number;
      MnoRepeater: number;
      NnoRepeater: number;
    }[];
  };
  us915: {
    dataRates: Record<string, string>;
    dwellTimeMs: number;
    rx2: { freqMHz: number; dr: number };
    maxPayloadMN: Record<string, [number, number]>;
    maxPayloadMNnoRepeater: Record<string, [number, number]>;
  };
  as923: {
    maxEirpDefaultDbm: number;
    rx2: { dr: number };
    rx1DrOffsetRange: [number, number];
    maxPayloadM_uplinkDwell0: Record<string, number>;
    maxPayloadM_uplinkDwell1_400ms: Record<string, number | null>;
  };
  perHourBudgetSeconds?: unknown;
}

const radio = loadVectors<Radio>('radio.json');
const MHZ = 1e6;

/** Expands keys such as `DR4-7` or `DR10-13` into DR numbers. */
function drKeys(key: string): number[] {
  const m = /^DR(\d+)(?:-(\d+))?$/.exec(key)!;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

describe('EU868 against radio.json', () => {
  const ref = radio.eu868;

  test('sub-bands and duty cycles', () => {
    expect(EU868.subBands.length).toBe(ref.subbands.length);
    for (const s of ref.subbands) {
      const mid = Math.round(((s.fromMHz + s.toMHz) / 2) * MHZ);
      const band = subBandOf(EU868, mid)!;
      expect(band.fromHz).toBe(Math.round(s.fromMHz * MHZ));
      expect(band.toHz).toBe(Math.round(s.toMHz * MHZ));
      expect(band.dutyCycle).toBe(s.dutyCycle);
      if (s.maxErpDbm !== undefined) expect(band.maxErpDbm).toBe(s.maxErpDbm);
    }
    // Gaps between ETSI bands are not for LoRaWAN devices.
    expect(subBandOf(EU868, 868_650_000)).toBeUndefined();
    expect(subBandOf(EU868, 869_300_000)).toBeUndefined();
  });

  test('default channels, RX2, RX1 offsets', () => {
    const mhz = EU868.defaultChannels.map((c) => c.frequencyHz / MHZ);
    expect(mhz).toEqual(ref.defaultChannels.freqMHz);
    expect(EU868.maxChannels).toBe(ref.defaultChannels.maxChannels);
    expect(EU868.rx2).toEqual({ frequencyHz: ref.rx2.freqMHz * MHZ, dr: ref.rx2.dr });
    expect(dataRateOf(EU868, EU868.rx2.dr)).toMatchObject({
      sf: ref.rx2.sf,
      bandwidthHz: ref.rx2.bwkHz * 1000,
    });
    expect(EU868.maxRx1DrOffset).toBe(ref.rx1.rx1DrOffsetRange[1]);
    // Table 11: downDR = max(0, upDR - offset).
    for (let up = 0; up <= 7; up++) {
      for (let off = 0; off <= 5; off++) expect(EU868.rx1Dr(up, off)).toBe(Math.max(0, up - off));
    }
    expect(EU868.rx1Dr(3, 6)).toBeUndefined();
  });

  test('delays and counters', () => {
    const d = ref.delays;
    expect(EU868.receiveDelay1Ms).toBe((d.RECEIVE_DELAY1_s as number) * 1000);
    expect(EU868.receiveDelay2Ms).toBe((d.RECEIVE_DELAY2_s as number) * 1000);
    expect(EU868.joinAcceptDelay1Ms).toBe((d.JOIN_ACCEPT_DELAY1_s as number) * 1000);
    expect(EU868.joinAcceptDelay2Ms).toBe((d.JOIN_ACCEPT_DELAY2_s as number) * 1000);
    expect(EU868.adrAckLimit).toBe(d.ADR_ACK_LIMIT);
    expect(EU868.adrAckDelay).toBe(d.ADR_ACK_DELAY);
    expect(String(d.MAX_FCNT_GAP)).toContain(String(EU868.maxFCntGap));
    expect([EU868.retransmitTimeoutMinMs, EU868.retransmitTimeoutMaxMs]).toEqual([1000, 3000]);
  });

  test('data rate table', () => {
    for (const r of ref.dataRates) {
      if (typeof r.dr !== 'number') continue;
      if (r.sf !== undefined) {
        expect(dataRateOf(EU868, r.dr)).toMatchObject({
          sf: r.sf,
          bandwidthHz: r.bwkHz! * 1000,
          bitRateBps: r.bps,
        });
        expect(drOf(EU868, r.sf, r.bwkHz! * 1000)).toBe(r.dr);
      } else if (r.fskKbps !== undefined) {
        const fsk = { modulation: 'fsk', bitRateBps: r.fskKbps * 1000 };
        expect(dataRateOf(EU868, r.dr)).toMatchObject(fsk);
      }
    }
    expect(() => dataRateOf(EU868, 8)).toThrow(RangeError);
  });

  test('TX power table', () => {
    expect(EU868.maxEirpDbm).toBe(ref.txPower.maxEirpDefaultDbm);
    for (let n = 0; n <= 7; n++) {
      expect(EU868.txPowerDbm(n)).toBe(ref.txPower.maxEirpDefaultDbm - 2 * n);
    }
    expect(EU868.txPowerDbm(8)).toBeUndefined();
  });

  test('maximum payload M/N with and without repeater', () => {
    for (const p of ref.maxPayloadByDr) {
      expect(EU868.maxPayload(p.dr)).toEqual({ m: p.M, n: p.N });
      const noRepeater = { m: p.MnoRepeater, n: p.NnoRepeater };
      expect(EU868.maxPayload(p.dr, { repeater: false })).toEqual(noRepeater);
    }
  });
});

describe('US915 against radio.json', () => {
  const ref = radio.us915;

  test('data rates', () => {
    for (const [key, text] of Object.entries(ref.dataRates)) {
      const [sf, bw] = /SF(\d+)\/(\d+)/.exec(text)!.slice(1).map(Number);
      expect(dataRateOf(US915, drKeys(key)[0]!)).toMatchObject({ sf, bandwidthHz: bw! * 1000 });
    }
  });

  test('max payload, dwell time, RX2', () => {
    for (const [key, [m, n]] of Object.entries(ref.maxPayloadMN)) {
      for (const dr of drKeys(key)) expect(US915.maxPayload(dr)).toEqual({ m, n });
    }
    for (const [key, [m, n]] of Object.entries(ref.maxPayloadMNnoRepeater)) {
      for (const dr of drKeys(key)) {
        expect(US915.maxPayload(dr, { repeater: false })).toEqual({ m, n });
      }
    }
    expect(US915.dwellTimeMs).toBe(ref.dwellTimeMs);
    expect(US915.rx2).toEqual({ frequencyHz: ref.rx2.freqMHz * MHZ, dr: ref.rx2.dr });
  });

  test('RX1 channel is the uplink channel modulo 8 and DR0 maps to DR10', () => {
    expect(US915.rx1FrequencyHz(902_300_000)).toBe(923_300_000);
    expect(US915.rx1FrequencyHz(902_300_000 + 9 * 200_000)).toBe(923_900_000);
    expect(US915.rx1FrequencyHz(903_000_000)).toBe(923_300_000); // channel 64 -> 0
    expect(US915.rx1Dr(0, 0)).toBe(10);
    expect(US915.rx1Dr(4, 0)).toBe(13);
    expect(US915.rx1Dr(0, 3)).toBe(8);
    expect(() => US915.rx1FrequencyHz(868_100_000)).toThrow(RangeError);
  });
});

describe('AS923 against radio.json', () => {
  const ref = radio.as923;

  test('essentials', () => {
    expect(AS923.maxEirpDbm).toBe(ref.maxEirpDefaultDbm);
    expect(AS923.rx2.dr).toBe(ref.rx2.dr);
    expect(AS923.maxRx1DrOffset).toBe(ref.rx1DrOffsetRange[1]);
    expect(AS923.txParamSetup).toBe(true);
  });

  test('max payload with and without uplink dwell time', () => {
    for (const [key, m] of Object.entries(ref.maxPayloadM_uplinkDwell0)) {
      for (const dr of drKeys(key)) expect(AS923.maxPayload(dr)?.m).toBe(m);
    }
    for (const [key, m] of Object.entries(ref.maxPayloadM_uplinkDwell1_400ms)) {
      for (const dr of drKeys(key)) {
        expect(AS923.maxPayload(dr, { uplinkDwellTime: true })?.m).toBe(m ?? undefined);
      }
    }
  });

  test('RX1 offsets 6 and 7 raise the DR, capped at DR5', () => {
    expect(AS923.rx1Dr(2, 6)).toBe(3);
    expect(AS923.rx1Dr(2, 7)).toBe(4);
    expect(AS923.rx1Dr(5, 7)).toBe(5);
    expect(AS923.rx1Dr(1, 1, true)).toBe(2);
  });

  test('regionById', () => {
    expect(regionById('EU868')).toBe(EU868);
    expect(() => regionById('cn470')).toThrow(/eu868, us915, as923/);
  });
});
