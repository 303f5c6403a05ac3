import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { airPlus, nexelecCodecs, originPlus } from '../../../codecs/vendors/nexelec/index.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import { schemaErrors } from './schema-check.js';
import {
  checkVector, hexToBytes, totality, tryDecode, vectorsOf,
} from './checks-mclimate-nexelec-nanosense.js';

const dec = (def: CodecDefinition, hex: string) =>
  def.decodeUplink({ bytes: hexToBytes(hex), fPort: 1, variables: {} });

describe('Nexelec codecs.json examples', () => {
  for (const def of nexelecCodecs) {
    for (const v of vectorsOf(def.id)) it(`${v.id} (${def.id})`, () => checkVector(def, v));
    it(`${def.id} has examples in codecs.json`, () => expect(vectorsOf(def.id).length).toBe(1));
    for (const ex of def.examples) {
      it(`${def.id} embedded example: ${ex.description}`, () => {
        expect(dec(def, ex.bytesHex).data).toEqual(ex.data);
      });
    }
  }
});

/** Frames of each message type: product byte, type byte, random rest (series need room). */
function frames(products: number[], types: Array<[number, number]>) {
  return fc.tuple(fc.constantFrom(...products), fc.constantFrom(...types)).chain(([p, [t, len]]) =>
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: len - 2, maxLength: len - 2 })
      .map((rest) => [p, t, ...rest]));
}

const cases: Array<[CodecDefinition, fc.Arbitrary<number[]>]> = [
  [airPlus, frames([0xae, 0xaf], [[0, 6], [1, 5], [2, 7], [3, 11], [4, 2]])],
  [originPlus, frames([0xb1, 0xb2, 0xb3, 0xb4],
    [[0, 7], [1, 9], [2, 7], [3, 9], [4, 5], [5, 5 + 80]])],
];

describe('Nexelec round trips, every message type', () => {
  for (const [def, arb] of cases) {
    it(`${def.id}: decode(encodeUplink(data)) equals data`, () => {
      const seen = new Set<string>();
      fc.assert(fc.property(arb, (bytes) => {
        const first = tryDecode(() => def.decodeUplink({ bytes, fPort: 1, variables: {} }));
        fc.pre(first !== undefined);
        seen.add((first!.data as { typeOfMessage: string }).typeOfMessage);
        expect(schemaErrors(def.uplinkSchema, first!.data)).toEqual([]);
        const enc = def.encodeUplink!({ data: first!.data, variables: {} });
        expect(def.decodeUplink({ bytes: enc.bytes, fPort: 1, variables: {} }).data)
          .toEqual(first!.data);
      }), { numRuns: 600 });
      expect(seen.size).toBe(def.messageTypes.length);
    });
  }
});

describe('Nexelec faults reported in other decoders', () => {
  it('reads temperatures below zero as negative', () => {
    // Raw 200 = 20.0 - 30 = -10 °C: bits 16..25 = 200, humidity 100 (50 %RH).
    const d = dec(originPlus, 'b104321900').data as Record<string, { value: number }>;
    expect(d.temperature).toEqual({ value: -10, unit: '°C' });
    const a = dec(airPlus, 'ae02000c864000').data as Record<string, unknown>;
    expect(a.temperature).toEqual({ value: -10, unit: '°C' });
  });
  it('reads the 16-bit downlink counter whole', () => {
    const d = dec(airPlus, 'ae0300000000000000ffff').data as Record<string, number>;
    expect(d.downlinkCounter).toBe(65535);
  });
  it('shows sensor error codes as the vendor does', () => {
    const d = dec(airPlus, 'ae02fffffffe00').data as Record<string, unknown>;
    expect(d.coConcentration).toBe('Error');
    expect(d.temperature).toBe('Error');
    expect(d.relativeHumidity).toBe('Error');
  });
  it('names the message type and lengths of a short frame', () => {
    let msg = '';
    try {
      dec(airPlus, 'ae0296');
    } catch (e) {
      if (isCodecError(e)) msg = e.message;
    }
    expect(msg).toBe('real_time: payload too short for message type 2: 3 bytes, 7 expected');
  });
  it('decodes an unknown product code with a warning', () => {
    const r = dec(airPlus, 'aa02963527d700');
    expect((r.data as Record<string, string>).typeOfProduct).toBe('Unknown');
    expect(r.warnings).toEqual(['unknown product code 0xaa at offset 0']);
  });
  it('warns about bytes past the last field instead of dropping them', () => {
    // The Real Time frame of the unknown-product test above (7 bytes) plus two more bytes.
    const short = dec(airPlus, 'ae02963527d700');
    const long = dec(airPlus, 'ae02963527d700beef');
    expect(long.data).toEqual(short.data);
    expect(short.warnings).toBeUndefined();
    expect(long.warnings).toEqual([
      '2 trailing bytes at offset 7 not decoded (real_time is 7 bytes)',
    ]);
  });
  it('decodes a temperature datalog series', () => {
    // 2 values, 10 min, repetition 1; values 500 (20 °C) and 0x3FF (shown as 0).
    const bits = '000010' + '00001010' + '000001' + '0111110100' + '1111111111';
    const padded = bits + '0'.repeat(8 - (bits.length % 8));
    const bytes = [0xb1, 0x05];
    for (let i = 0; i < padded.length; i += 8) bytes.push(parseInt(padded.substr(i, 8), 2));
    const d = originPlus.decodeUplink({ bytes, fPort: 1, variables: {} }).data;
    expect(d).toEqual({
      typeOfProduct: 'Origin+ LoRa', typeOfMessage: 'Temperature datalog',
      datalogNewMeasure: 2, transmissionIntervalDatalog: { value: 10, unit: 'minutes' },
      datalogMeasureRepetition: 1, temperature: { value: [20, 0], unit: '°C' },
    });
  });
});

describe('Nexelec harmonised view', () => {
  it('maps AIR+ real time to air', () => {
    expect(airPlus.normalizeUplink!(dec(airPlus, 'ae02963527d700').data))
      .toEqual({ category: 'air', temperatureC: 55, humidityPercent: 62.5 });
  });
  it('maps ORIGIN+ real time to air', () => {
    expect(originPlus.normalizeUplink!(dec(originPlus, 'b1047d1900').data))
      .toEqual({ category: 'air', temperatureC: 20, humidityPercent: 50 });
  });
});

for (const def of nexelecCodecs) totality(def);
