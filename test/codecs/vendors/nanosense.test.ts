import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { ep5000, nanosenseCodecs } from '../../../codecs/vendors/nanosense/index.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import { schemaErrors } from './schema-check.js';
import {
  checkVector, hexToBytes, totality, vectorsOf, bytesToHex,
} from './checks-mclimate-nexelec-nanosense.js';

const errOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isCodecError(e)) return e.message;
    throw e;
  }
  return '';
};

describe('NanoSense codecs.json examples', () => {
  for (const v of vectorsOf('nanosense/ep5000')) it(`${v.id}`, () => checkVector(ep5000, v));
  it('has an example in codecs.json', () => expect(vectorsOf('nanosense/ep5000').length).toBe(1));
});

describe('NanoSense embedded vendor examples', () => {
  for (const ex of ep5000.examples) {
    it(ex.description, () => {
      if (ex.operation === 'decodeUplink') {
        const r = ep5000.decodeUplink({
          bytes: hexToBytes(ex.bytesHex), fPort: ex.fPort, recvTime: new Date(ex.recvTime!),
          variables: {},
        });
        expect(r.data).toEqual(ex.data);
        expect(r.warnings).toBeUndefined();
      } else if (ex.errors) {
        expect([errOf(() => ep5000.encodeDownlink!({ data: ex.data, variables: {} }))])
          .toEqual(ex.errors);
      } else {
        const r = ep5000.encodeDownlink!({ data: ex.data, variables: {} });
        expect(bytesToHex(r.bytes)).toBe(ex.bytesHex);
        expect(r.fPort).toBe(2);
      }
    });
  }
});

describe('NanoSense round trips', () => {
  it('measurement: decode(encodeUplink(data)) equals data', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 41, maxLength: 41 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (bytes, t) => {
        const recvTime = new Date(t * 1000);
        const first = ep5000.decodeUplink({ bytes, fPort: 1, recvTime, variables: {} });
        expect(schemaErrors(ep5000.uplinkSchema, first.data)).toEqual([]);
        const enc = ep5000.encodeUplink!({ data: first.data, variables: {} });
        const again = ep5000.decodeUplink({ bytes: enc.bytes, fPort: 1, recvTime, variables: {} });
        expect(again.data).toEqual(first.data);
      },
    ), { numRuns: 500 });
  });
  it('set_transmission_interval: decodeDownlink(encodeDownlink(cmd)) equals cmd', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 720 }), (n) => {
      const data = { transmissionInterval: n };
      expect(schemaErrors(ep5000.downlinkSchema!, data)).toEqual([]);
      const enc = ep5000.encodeDownlink!({ data, variables: {} });
      expect(ep5000.decodeDownlink!({ bytes: enc.bytes, fPort: 2, variables: {} }).data)
        .toEqual({ transmissionInterval: n });
    }));
  });
});

describe('NanoSense bad input and receive time', () => {
  it('rejects a short frame naming the length', () => {
    expect(errOf(() => ep5000.decodeUplink({ bytes: [1, 2], fPort: 1, variables: {} })))
      .toBe('measurement: need 41 bytes (328 bits), got 2');
  });
  it('rejects an interval below 1 with the vendor message', () => {
    const data = { transmissionInterval: 0 };
    expect(errOf(() => ep5000.encodeDownlink!({ data, variables: {} })))
      .toBe('Transmission interval be a number between 1 and 720 (minutes)');
  });
  it('takes log_timestamp from the receive time, whatever the machine time zone', () => {
    // 2025-08-05T22:27:11Z and its -07:00 spelling are the same instant.
    const utc = new Date('2025-08-05T22:27:11.000Z');
    const la = new Date('2025-08-05T15:27:11.000-07:00');
    expect(la.getTime()).toBe(Date.UTC(2025, 7, 5, 22, 27, 11));
    const bytes = hexToBytes(ep5000.examples[0]!.bytesHex);
    for (const recvTime of [utc, la]) {
      const d = ep5000.decodeUplink({ bytes, fPort: 1, recvTime, variables: {} }).data as {
        measurements: Array<{ log_timestamp: number }>;
      };
      expect(d.measurements[0]!.log_timestamp).toBe(1754432831);
    }
  });
  it('leaves log_timestamp out with a warning when the receive time is unknown', () => {
    const bytes = hexToBytes(ep5000.examples[0]!.bytesHex);
    const r = ep5000.decodeUplink({ bytes, fPort: 1, variables: {} });
    expect(r.warnings).toEqual(['log_timestamp left out: no receive time']);
  });
  it('warns, as the vendor does, when the light temperature is out of range', () => {
    const bytes = hexToBytes(ep5000.examples[0]!.bytesHex);
    bytes[29] = 0; // light_temperature raw 0 = 0 K
    const r = ep5000.decodeUplink({ bytes, fPort: 1, recvTime: new Date(0), variables: {} });
    expect(r.warnings).toEqual(['Light temperature out of valid range: 0 K']);
  });
  it('maps to the harmonised air view', () => {
    const bytes = hexToBytes(ep5000.examples[0]!.bytesHex);
    const r = ep5000.decodeUplink({
      bytes, fPort: 1, recvTime: new Date('2025-08-05T22:27:11.000Z'), variables: {},
    });
    expect(ep5000.normalizeUplink!(r.data)).toEqual({
      category: 'air', temperatureC: 27, humidityPercent: 38, co2Ppm: 454, tvoc: 15,
      tvocUnit: 'ug/m3', pm25UgM3: 0, pm10UgM3: 0, pressureHPa: 1018.2, batteryPercent: 100,
      readingTime: '2025-08-05T22:27:11.000Z',
    });
  });
});

for (const def of nanosenseCodecs) totality(def);
