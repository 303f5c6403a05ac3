import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import {
  aqiSensor, co2Sensor, fanCoilThermostat, mclimateCodecs, vicki, wirelessThermostat,
} from '../../../codecs/vendors/mclimate/index.js';
import { vickiDownlinks } from '../../../codecs/vendors/mclimate/vicki.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import { schemaErrors } from './schema-check.js';
import {
  bytesToHex, checkVector, hexToBytes, totality, tryDecode, vectorsOf,
} from './checks-mclimate-nexelec-nanosense.js';

const dec = (def: CodecDefinition, hex: string) =>
  def.decodeUplink({ bytes: hexToBytes(hex), fPort: 1, variables: {} });
const errOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isCodecError(e)) return e.message;
    throw e;
  }
  return '';
};

describe('MClimate codecs.json examples', () => {
  for (const def of mclimateCodecs) {
    const vs = vectorsOf(def.id);
    for (const v of vs) it(`${v.id} (${def.id} ${v.operation})`, () => checkVector(def, v));
  }
  it('covers every MClimate device of the brief', () => {
    const n = mclimateCodecs.map((d) => vectorsOf(d.id).length);
    expect(n.every((x) => x > 0)).toBe(true);
  });
});

describe('MClimate embedded examples', () => {
  for (const def of mclimateCodecs) {
    for (const ex of def.examples) {
      it(`${def.id}: ${ex.description}`, () => {
        const bytes = hexToBytes(ex.bytesHex);
        if (ex.operation === 'encodeDownlink') {
          expect(bytesToHex(def.encodeDownlink!({ data: ex.data, variables: {} }).bytes))
            .toBe(ex.bytesHex);
        } else if (ex.operation === 'decodeDownlink') {
          expect(def.decodeDownlink!({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
        } else {
          expect(def.decodeUplink({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
        }
      });
    }
  }
});

/** Keep-alive frames of each device, as arbitraries: reason byte then random bytes. */
const keepaliveArb = (reason: number, len: number) =>
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: len - 1, maxLength: len - 1 })
    .map((rest) => [reason, ...rest]);

/** Every answer code of a device with its argument length, found by probing the decoder. */
function answerCodes(def: CodecDefinition, kaLen: number): Array<[number, number]> {
  const ka = [0x01, ...new Array(kaLen - 1).fill(0xff)];
  const codes: Array<[number, number]> = [];
  const alone = def.decodeUplink({ bytes: ka, fPort: 1, variables: {} }).data as object;
  for (let c = 2; c < 256; c++) {
    if (c === 0x81) continue;
    for (let k = 0; k <= 48; k++) {
      const r = tryDecode(() => def.decodeUplink({
        bytes: [c, ...new Array(k).fill(0), ...ka], fPort: 1, variables: {},
      }));
      // The keep-alive must still be decoded (else the arguments swallowed it).
      if (r && !r.warnings && Object.keys(alone).every((key) => key in (r.data as object))) {
        codes.push([c, k]);
        break;
      }
    }
  }
  return codes;
}

/** Answer frames: up to three answer records followed by a keep-alive. */
function answerArb(codes: Array<[number, number]>, ka: fc.Arbitrary<number[]>) {
  const rec = fc.constantFrom(...codes).chain(([code, size]) =>
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: size, maxLength: size })
      .map((args) => [code, ...args]));
  return fc.tuple(fc.array(rec, { maxLength: 3 }), ka).map(([recs, k]) => recs.flat().concat(k));
}

const kaLength: Array<[CodecDefinition, number, number[]]> = [
  [vicki, 9, [0x01, 0x81]], [wirelessThermostat, 11, [0x01]], [fanCoilThermostat, 11, [0x01]],
  [co2Sensor, 7, [0x01]], [aqiSensor, 10, [0x01]],
];

describe('MClimate uplink round trips, keep-alive and every answer code', () => {
  for (const [def, len, reasons] of kaLength) {
    const codes = answerCodes(def, len);
    const answers = def.messageTypes.filter((m) => m.name.startsWith('response_')).length;
    it(`${def.id}: every documented answer code decodes (${answers})`, () => {
      expect(codes.length).toBe(answers);
    });
    const kas = fc.oneof(...reasons.map((r) => keepaliveArb(r, len)));
    const extra = def === wirelessThermostat ? [keepaliveArb(0x81, 12)] : [];
    const arb = fc.oneof(kas, ...extra, answerArb(codes, keepaliveArb(0x01, len)));
    it(`${def.id}: decode(encodeUplink(data)) equals data`, () => {
      fc.assert(fc.property(arb, (bytes) => {
        const first = tryDecode(() => def.decodeUplink({ bytes, fPort: 1, variables: {} }));
        fc.pre(first !== undefined && first.warnings === undefined);
        const data = first!.data as Record<string, unknown>;
        expect(schemaErrors(def.uplinkSchema, data)).toEqual([]);
        const enc = def.encodeUplink!({ data, variables: {} });
        const again = def.decodeUplink({ bytes: enc.bytes, fPort: enc.fPort, variables: {} });
        expect(again.data).toEqual(data);
      }), { numRuns: 1000 });
    });
  }
});

describe('MClimate downlink round trips', () => {
  for (const def of mclimateCodecs) {
    it(`${def.id}: decodeDownlink(encodeDownlink(cmd)) equals cmd`, () => {
      // Each downlink code with its argument length, found by probing the decoder.
      const codes: Array<[number, number]> = [];
      for (let c = 0; c < 256; c++) {
        for (let k = 0; k <= 16; k++) {
          const ok = tryDecode(() => def.decodeDownlink!({
            bytes: [c, ...new Array(k).fill(0)], fPort: 1, variables: { decodeCommands: true },
          }));
          if (ok) {
            codes.push([c, k]);
            break;
          }
        }
      }
      expect(codes.length).toBeGreaterThan(5);
      const rec = fc.constantFrom(...codes).chain(([code, size]) =>
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: size, maxLength: size })
          .map((args) => [code, ...args]));
      fc.assert(fc.property(fc.array(rec, { minLength: 1, maxLength: 3 }), (recs) => {
        const bytes = recs.flat();
        const cmd = tryDecode(() =>
          def.decodeDownlink!({ bytes, fPort: 1, variables: { decodeCommands: true } }));
        fc.pre(cmd !== undefined);
        expect(schemaErrors(def.downlinkSchema!, cmd!.data)).toEqual([]);
        const enc = def.encodeDownlink!({ data: cmd!.data, variables: {} });
        const back = def.decodeDownlink!({
          bytes: enc.bytes, fPort: enc.fPort, variables: { decodeCommands: true },
        });
        expect(back.data).toEqual(cmd!.data);
      }), { numRuns: 500 });
    });
  }
  it('decodes every Vicki downlink command it can encode', () => {
    for (const spec of vickiDownlinks) {
      const args = new Array(spec.value.size).fill(1);
      const bytes = [spec.code, ...args];
      const cmd = vicki.decodeDownlink!({ bytes, fPort: 1, variables: { decodeCommands: true } });
      expect(Object.keys(cmd.data as object)).toEqual([spec.name]);
      expect(vicki.encodeDownlink!({ data: cmd.data, variables: {} }).bytes).toEqual(bytes);
    }
  });
});

describe('MClimate faults reported in other decoders', () => {
  it('reads the FUOTA address as 32-bit unsigned, never negative', () => {
    const d = dec(wirelessThermostat, 'a0ffffffff' + '0102887509c41502007801').data as
      Record<string, { fuota_address: number; fuota_address_raw: string }>;
    expect(d.fuota).toEqual({ fuota_address: 4294967295, fuota_address_raw: 'ffffffff' });
  });
  it('reads a temperature below zero as negative (raw 0x0186 = -1.0 °C)', () => {
    const d = dec(wirelessThermostat, '0101867509c41502007801').data as Record<string, number>;
    expect(d.sensorTemperature).toBe(-1);
    const tz = dec(vicki, '60fb' + '011d5a78fa2c01f080').data as Record<string, number>;
    expect(tz.deviceTimeZone).toBe(-5);
  });
  it('shows the device time in UTC whatever the machine time zone', () => {
    // 1700000000 s = 2023-11-14T22:13:20Z, computed independently of the decoder.
    const iso = new Date(Date.UTC(2023, 10, 14, 22, 13, 20)).toISOString();
    expect(iso).toBe('2023-11-14T22:13:20.000Z');
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        const d = dec(vicki, '5e6553f100' + '011d5a78fa2c01f080').data as Record<string, string>;
        expect(d.deviceTime).toBe('14/11/2023 22:13');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
  it('decodes the keep-alive after an unknown answer, with a warning', () => {
    const r = dec(vicki, '9900' + '011d5a78fa2c01f080');
    expect((r.data as Record<string, number>).motorRange).toBe(300);
    expect(r.warnings).toEqual(['unknown command 0x99 at offset 0: rest of the answers skipped']);
  });
  it('rejects a truncated keep-alive naming the length', () => {
    expect(errOf(() => dec(vicki, '011d5a'))).toBe('keepalive: need 9 bytes at offset 0, got 3');
  });
  it('rejects an unknown downlink command by name', () => {
    expect(errOf(() => vicki.encodeDownlink!({ data: { setFoo: 1 }, variables: {} })))
      .toBe("downlink: unknown command 'setFoo'");
  });
  it('echoes downlink bytes by default, as the vendor does', () => {
    expect(vicki.decodeDownlink!({ bytes: [0x4e, 0x32], fPort: 1, variables: {} }).data)
      .toEqual({ bytes: [0x4e, 0x32] });
    expect(vicki.decodeDownlink!({
      bytes: [0x4e, 0x32], fPort: 1, variables: { decodeCommands: true },
    }).data).toEqual({ setValveOpenness: 50 });
  });
});

describe('Vicki heating events (answer 0x5A)', () => {
  it('decodes configured events and leaves empty slots out', () => {
    // Group 1, slot 2: 07:30, 21.5 °C, Monday to Friday (0x1f); other slots empty.
    const slots = new Array(40).fill(0);
    slots.splice(10, 5, 7, 30, 0x00, 0xd7, 0x1f);
    const hex = '5a01' + bytesToHex(slots) + '011d5a78fa2c01f080';
    const d = dec(vicki, hex).data as Record<string, unknown>;
    expect(d.heatingEventGroup).toBe('8-15');
    expect(d.heatingEvents).toEqual([{
      index: 10, start: '07:30', targetTemperature: 21.5,
      weekdays: {
        monday: true, tuesday: true, wednesday: true, thursday: true, friday: true,
        saturday: false, sunday: false,
      },
    }]);
    expect(bytesToHex(vicki.encodeUplink!({ data: d, variables: {} }).bytes)).toBe(hex);
  });
});

describe('CO2 sensor answers, after the vendor examples', () => {
  // actility/device-catalog vendors/mclimate/drivers/co2-sensor/examples.json (commit
  // 9493183c): the answer objects as the vendor gives them; the keep-alive trailer is the
  // codecs.json air-05 frame, whose fields this codec names as in air-05.
  const trailer = { co2: 625, temperature: 22.7, humidity: 51.56, battery: 3.5 };
  const cases: Array<[string, Record<string, unknown>]> = [
    ['1f01900320', { boundaryLevels: { good_medium: 400, medium_bad: 800 } }],
    ['25050a14', { measurementPeriod: { good_zone: 5, medium_zone: 10, bad_zone: 20 } }],
    ['2b18', { autoZeroPeriod: 24 }],
  ];
  for (const [hex, answer] of cases) {
    it(`decodes answer ${hex}`, () => {
      expect(dec(co2Sensor, hex + '010271027384ed').data).toEqual({ ...answer, ...trailer });
    });
  }
});

describe('MClimate harmonised view', () => {
  it('maps Vicki to hvac', () => {
    expect(vicki.normalizeUplink!(dec(vicki, '011d5a78fa2c01f080').data)).toEqual({
      category: 'hvac', temperatureC: 18.01, setpointC: 29, valvePercent: 17,
      humidityPercent: 46.88, batteryV: 3.5,
    });
  });
  it('maps the CO2 sensor to air', () => {
    expect(co2Sensor.normalizeUplink!(dec(co2Sensor, '010271027384ed').data)).toEqual({
      category: 'air', co2Ppm: 625, temperatureC: 22.7, humidityPercent: 51.56, batteryV: 3.5,
    });
  });
});

for (const def of mclimateCodecs) totality(def);
