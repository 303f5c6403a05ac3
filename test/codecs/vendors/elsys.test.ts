/**
 * Elsys codecs: the shared vector, round trips of records and settings, totality and
 * regressions.
 */
import { describe, expect, test as vitest } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromHex, toHex } from '../../../codecs/framework/bytes.js';
import { elsysCodecs } from '../../../codecs/vendors/elsys/index.js';
import { ersCo2Codec } from '../../../codecs/vendors/elsys/ers-co2.js';
import {
  codecsJsonVectors, definitionExamples, definitionShape, thrownMessage, totality,
} from './harness.js';

describe('shared vectors and vendor examples', () => {
  codecsJsonVectors(elsysCodecs, 1);
  definitionExamples(elsysCodecs);
  definitionShape(elsysCodecs);
});

const tenths = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((r) => r / 10);
const RECORDS: Record<string, fc.Arbitrary<unknown>> = {
  temperature: tenths(-32768, 32767), humidity: fc.nat(255), light: fc.nat(65535),
  motion: fc.nat(255), co2: fc.nat(65535), vdd: fc.nat(65535),
};
const FAMILY: Record<string, fc.Arbitrary<unknown>> = {
  ...RECORDS,
  analog1: fc.nat(65535), pulse1: fc.nat(65535), pulseAbs: fc.nat(0xffffffff),
  externalTemperature: tenths(-32768, 32767), digital: fc.nat(255), distance: fc.nat(65535),
  accMotion: fc.nat(255), occupancy: fc.nat(255), waterleak: fc.nat(255),
  pressure: fc.nat(0xffffffff).map((r) => r / 1000), pulse2: fc.nat(65535),
  pulseAbs2: fc.nat(0xffffffff), analog2: fc.nat(65535), digital2: fc.nat(255),
  analogUv: fc.integer({ min: -0x80000000, max: 0x7fffffff }), tvoc: fc.nat(65535),
  externalTemperature2: fc.oneof(tenths(-32768, 32767),
    fc.array(tenths(-32768, 32767), { minLength: 2, maxLength: 3 })),
};
const GROUPS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  acc: fc.record({ x: fc.integer({ min: -128, max: 127 }), y: fc.integer({ min: -128, max: 127 }),
    z: fc.integer({ min: -128, max: 127 }) }),
  gps: fc.record({ lat: fc.nat(0xffffff), long: fc.nat(0xffffff) }),
  ir: fc.record({ irInternalTemperature: tenths(-32768, 32767),
    irExternalTemperature: tenths(-32768, 32767) }),
  sound: fc.record({ soundPeak: fc.nat(255), soundAvg: fc.nat(255) }),
};

describe('round trips', () => {
  test.prop([fc.record(RECORDS, { requiredKeys: [] })], { numRuns: 300 })(
    'elsys/ers-co2: decode(encodeUplink(data)) is data over its records', (data) => {
      const up = ersCo2Codec.encodeUplink!({ data, variables: {} });
      expect(ersCo2Codec.decodeUplink({ bytes: up.bytes, fPort: up.fPort, variables: {} }).data)
        .toEqual(data);
    });

  test.prop([fc.record(FAMILY, { requiredKeys: [] }), fc.record(GROUPS, { requiredKeys: [] })],
    { numRuns: 300 })('the family records round-trip too', (single, groups) => {
    const data: Record<string, unknown> = { ...single };
    for (const g of Object.values(groups)) Object.assign(data, g);
    const up = ersCo2Codec.encodeUplink!({ data, variables: {} });
    expect(ersCo2Codec.decodeUplink({ bytes: up.bytes, fPort: 5, variables: {} }).data)
      .toEqual(data);
  });

  const u32 = fc.nat(0xffffffff);
  const settings = fc.record({
    ota: fc.boolean(), port: fc.nat(255), ack: fc.boolean(), drDef: fc.nat(255),
    splPer: u32, tempPer: u32, rhPer: u32, lightPer: u32, pirPer: u32, co2Per: u32,
    vddPer: u32, sendPer: u32, co2Cfg: fc.nat(255), lock: u32, linkCheck: u32,
    requestSettings: fc.constant(true),
  }, { requiredKeys: [] }).filter((s) => Object.keys(s).length > 0);
  test.prop([settings], { numRuns: 300 })(
    'elsys/ers-co2: decodeDownlink(encodeDownlink(settings)) is the settings', (s) => {
      const out = ersCo2Codec.encodeDownlink!({ data: s, variables: {} });
      expect(out.fPort).toBe(6);
      expect(out.bytes[0]).toBe(0x3e);
      expect(ersCo2Codec.decodeDownlink!({ bytes: out.bytes, fPort: 6, variables: {} }).data)
        .toEqual(s);
    });
});

describe('totality', () => {
  totality(elsysCodecs);
});

describe('regressions', () => {
  const dec = (hex: string) =>
    ersCo2Codec.decodeUplink({ bytes: fromHex(hex, 'x'), fPort: 5, variables: {} });

  vitest('keeps the records before an unknown one and warns', () => {
    const out = dec('0100e2' + 'ff0102');
    expect(out.data).toEqual({ temperature: 22.6 });
    expect(out.warnings).toEqual(['unknown record type 0xff at offset 3: 3 bytes not decoded']);
  });

  vitest('reads absolute pulse counters as unsigned 32 bits', () => {
    expect(dec('0bffffffff').data).toEqual({ pulseAbs: 4294967295 });
  });

  vitest('reads negative temperatures as signed', () => {
    expect(dec('01ff9c').data).toEqual({ temperature: -10 });
  });

  vitest('rejects a record cut short', () => {
    expect(thrownMessage(() => dec('0100e20603'))).toBe(
      'record type 0x6: need 2 bytes at offset 4, got 1');
  });

  vitest('encodes settings in id order behind header and length', () => {
    // Layout of ELSYS "Sensor downlink payload" v2.1: 0x3E, length, then id and value;
    // SendPer is id 0x1F with 4 bytes, Ack id 0x0A with 1 byte.
    const out = ersCo2Codec.encodeDownlink!({ data: { sendPer: 600, ack: true }, variables: {} });
    expect(toHex(out.bytes)).toBe('3e07' + '0a01' + '1f00000258');
  });

  vitest('normalizes to the harmonised air view', () => {
    const data = dec('0100e202290400270506060308070e10').data;
    expect(ersCo2Codec.normalizeUplink!(data)).toEqual({ category: 'air', temperatureC: 22.6,
      humidityPercent: 41, co2Ppm: 776, batteryV: 3.6 });
  });
});
