/**
 * Milesight codecs: the shared vendor examples, the examples each table carries, round trips of
 * every record and command over generated values, totality on arbitrary bytes, and regressions
 * for faults reported against other decoders.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import type {
  CodecDefinition,
  Decoded,
  Encoded,
} from '../../../codecs/framework/types.js';
import {
  type Field,
  fieldSize,
  writeFloat32LE,
} from '../../../codecs/vendors/milesight/format/field.js';
import type { Item } from '../../../codecs/vendors/milesight/format/item.js';
import { DEVICE_INFO } from '../../../codecs/vendors/milesight/format/common.js';
import { AM307 } from '../../../codecs/vendors/milesight/am307.js';
import { AM319_HCHO } from '../../../codecs/vendors/milesight/am319-hcho.js';
import { EM300_DI } from '../../../codecs/vendors/milesight/em300-di.js';
import { EM310_UDL } from '../../../codecs/vendors/milesight/em310-udl.js';
import { EM400_MUD } from '../../../codecs/vendors/milesight/em400-mud.js';
import { WS558 } from '../../../codecs/vendors/milesight/ws558.js';
import { WT101 } from '../../../codecs/vendors/milesight/wt101.js';
import { milesightCodecs } from '../../../codecs/vendors/milesight/index.js';
import { type CodecVector, codecIdOf, loadVectors } from '../../vectors.js';

const hex = (s: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 2) out.push(parseInt(s.substr(i, 2), 16));
  return out;
};
const toHex = (b: number[]): string => b.map((x) => x.toString(16).padStart(2, '0')).join('');

const up = (def: CodecDefinition, bytes: number[], fPort = 85): Decoded =>
  def.decodeUplink({ bytes, fPort, variables: {} });
const down = (def: CodecDefinition, bytes: number[], fPort = 85): Decoded =>
  def.decodeDownlink!({ bytes, fPort, variables: {} });
const encUp = (def: CodecDefinition, data: unknown): Encoded =>
  def.encodeUplink!({ data, variables: {} });
const encDown = (def: CodecDefinition, data: unknown): Encoded =>
  def.encodeDownlink!({ data, variables: {} });

const byId = new Map(milesightCodecs.map((c) => [c.id, c]));
const vectors = loadVectors<CodecVector[]>('codecs.json').filter((v) =>
  codecIdOf(v).startsWith('milesight/'),
);

/**
 * lighting-02 is TTN's ws558-codec.yaml example 3, which shows `power`; the decoder that file
 * names (ws558.js at the same commit, and every later one, and the vendor's own repository)
 * outputs `active_power` for 0x04 0x80, as the actility example lighting-03 does too. The two
 * vendor references contradict each other; loire follows the decoders.
 */
const CONTRADICTED: Record<string, unknown> = { 'lighting-02': { active_power: 1 } };

function receiveTime(v: CodecVector): Date | undefined {
  const t = v.recvTime || v.inputTime;
  return t === undefined ? undefined : new Date(t);
}

describe('shared codecs.json examples', () => {
  it('has every Milesight device of the brief', () => {
    expect(new Set(vectors.map(codecIdOf))).toEqual(
      new Set([
        'milesight/em300-di',
        'milesight/ws558',
        'milesight/wt101',
        'milesight/am307',
        'milesight/am319-hcho',
        'milesight/em310-udl',
        'milesight/em400-mud',
      ]),
    );
  });

  for (const v of vectors) {
    it(v.id, () => {
      const def = byId.get(codecIdOf(v))!;
      const bytes = hex(v.bytesHex);
      const fPort = v.inputFPort ?? v.fPort ?? 85;
      if (v.operation === 'decodeUplink') {
        const recvTime = receiveTime(v);
        const input = recvTime
          ? { bytes, fPort, recvTime, variables: {} }
          : { bytes, fPort, variables: {} };
        const out = def.decodeUplink(input);
        expect(out.data).toEqual(CONTRADICTED[v.id] ?? v.expected);
        expect(out.warnings).toEqual(v.expectedWarnings);
      } else if (v.operation === 'encodeDownlink') {
        const out = encDown(def, v.expected);
        expect(toHex(out.bytes)).toBe(v.bytesHex.toLowerCase());
        // Milesight devices take commands on FPort 85 (vendor user guides).
        expect(out.fPort).toBe(85);
        expect(down(def, bytes, 85).data).toEqual(v.expected);
      } else {
        expect(down(def, bytes, fPort).data).toEqual(v.expected);
      }
    });
  }
});

describe('examples carried by the definitions', () => {
  for (const def of milesightCodecs) {
    for (const ex of def.examples) {
      it(`${def.id}: ${ex.description}`, () => {
        expect(ex.source.length).toBeGreaterThan(10);
        if (ex.operation === 'encodeDownlink') {
          expect(toHex(encDown(def, ex.data).bytes)).toBe(ex.bytesHex);
        } else if (ex.operation === 'decodeUplink') {
          expect(up(def, hex(ex.bytesHex), ex.fPort).data).toEqual(ex.data);
        }
      });
    }
  }
});

// ---- Generators of valid values, derived from the tables -----------------------------------

/** Arbitrary of the raw bytes of one field (any valid value), used to build whole records. */
function fieldBytes(f: Field): fc.Arbitrary<number[]> {
  const n = fieldSize(f);
  if (f.map !== undefined) {
    const codes = Object.keys(f.map).map(Number);
    return fc.constantFrom(...codes).map((c) => {
      const out: number[] = [];
      let v = c < 0 ? c + Math.pow(2, 8 * n) : c;
      for (let i = 0; i < n; i++) { out.push(v % 256); v = Math.floor(v / 256); }
      return out;
    });
  }
  if (f.kind === 'packed') {
    return fc.tuple(...(f.parts ?? []).map((p) =>
      p.fixed !== undefined ? fc.constant(p.fixed)
        : p.map ? fc.constantFrom(...Object.keys(p.map).map(Number))
          : fc.integer({ min: 0, max: 2 ** p.width - 1 }),
    )).map((vals) => {
      let raw = 0;
      (f.parts ?? []).forEach((p, i) => { raw += vals[i]! * 2 ** p.shift; });
      const out: number[] = [];
      for (let i = 0; i < n; i++) { out.push(raw % 256); raw = Math.floor(raw / 256); }
      return out;
    });
  }
  if (f.kind === 'skip' || f.kind === 'fixed') {
    return fc.constant(new Array(n).fill(f.raw ?? (f.kind === 'fixed' ? 0xff : 0)));
  }
  if (f.kind === 'ascii') {
    return fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 0, maxLength: n })
      .map((a) => a.concat(new Array(n - a.length).fill(0)));
  }
  if (f.kind === 'hardwareVersion') {
    return fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 15 }))
      .map(([a, b]) => [a, b * 16]);
  }
  if (f.kind === 'f32') {
    // Finite floats only: NaN has no JSON form and the vendor never sends it.
    return fc.float({ noNaN: true, noDefaultInfinity: true }).map((x) => {
      const b = Buffer.alloc(4);
      b.writeFloatLE(x);
      return [...b];
    });
  }
  if (f.kind === 'maskedBits') {
    const half = n / 2;
    const width = (f.parts ?? []).length;
    const all = 2 ** width - 1;
    return fc
      .tuple(fc.integer({ min: 1, max: all }), fc.integer({ min: 0, max: all }))
      .map(([m, s]) => {
        const out: number[] = [];
        for (const v0 of [m, s & m]) {
          let v = v0;
          for (let i = 0; i < half; i++) {
            out.push(v % 256);
            v = Math.floor(v / 256);
          }
        }
        return out;
      });
  }
  return fc.array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n });
}

/** Arbitrary bytes of one record of `item` (prefix included). */
function recordBytes(item: Item): fc.Arbitrary<number[]> {
  if (item.flag !== undefined) return fc.constant(item.prefix.slice());
  const body = fc
    .tuple(...item.fields.map(fieldBytes))
    .map((parts) => item.prefix.concat(...parts));
  if (item.result === undefined) return body;
  const codes = Object.keys(item.result).map(Number);
  return fc.tuple(body, fc.constantFrom(...codes)).map(([b, r]) => b.concat([r]));
}

const TABLES = [EM300_DI, WS558, WT101, AM307, AM319_HCHO, EM310_UDL, EM400_MUD];

describe('round trips', () => {
  for (const table of TABLES) {
    const def = byId.get(`milesight/${table.model}`)!;
    const uplinkItems = DEVICE_INFO.concat(table.uplink);
    for (const item of uplinkItems) {
      test.prop([recordBytes(item)], { numRuns: 40 })(
        `${def.id} uplink ${item.messageType} ${toHex(item.prefix)}: decode(encode(data)) = data`,
        (bytes) => {
          const data = up(def, bytes, 85).data;
          const again = encUp(def, data);
          expect(up(def, again.bytes, 85).data).toEqual(data);
        },
      );
    }
    for (const item of table.downlink) {
      test.prop([recordBytes(item)], { numRuns: 40 })(
        `${def.id} downlink ${item.messageType} ${toHex(item.prefix)}: decode(encode(cmd)) = cmd`,
        (bytes) => {
          const cmd = down(def, bytes, 85).data;
          const enc = encDown(def, cmd);
          expect(down(def, enc.bytes, 85).data).toEqual(cmd);
          // Downlink echoes in uplinks decode to the same command.
          if (item.prefix[0]! >= 0xf8) {
            expect(up(def, bytes, 85).data).toEqual(cmd);
          }
        },
      );
    }
    const frames = fc.array(fc.constantFrom(...uplinkItems).chain(recordBytes), {
      minLength: 1,
      maxLength: 6,
    });
    test.prop([frames], { numRuns: 60 })(
      `${def.id}: frames of several records round-trip`,
      (records) => {
        const bytes = ([] as number[]).concat(...records);
        const data = up(def, bytes, 85).data;
        const again = encUp(def, data);
        expect(up(def, again.bytes, 85).data).toEqual(data);
      },
    );
  }
});

describe('float32 writer', () => {
  test.prop([fc.float({ noNaN: true, noDefaultInfinity: true })], { numRuns: 1000 })(
    'writes what node:buffer writes for any finite float32',
    (x) => {
      const out: number[] = [];
      writeFloat32LE(out, x, 'x');
      const b = Buffer.alloc(4);
      b.writeFloatLE(x);
      expect(out).toEqual([...b]);
    },
  );
});

describe('totality on arbitrary bytes', () => {
  for (const def of milesightCodecs) {
    const anyBytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 });
    test.prop([anyBytes, fc.integer({ min: 0, max: 255 })], { numRuns: 300 })(
      `${def.id}: decodeUplink and decodeDownlink return or throw a CodecError`,
      (bytes, fPort) => {
        for (const op of [def.decodeUplink, def.decodeDownlink!]) {
          try {
            const out = op({ bytes, fPort, variables: {} });
            expect(typeof out.data).toBe('object');
          } catch (e) {
            expect(isCodecError(e)).toBe(true);
          }
        }
      },
    );
  }
});

describe('regressions for faults reported in other decoders', () => {
  const em300 = byId.get('milesight/em300-di')!;
  const wt = byId.get('milesight/wt101')!;

  it('reads the pulse counter as 32 bits, not 8', () => {
    // 0x05 0xC8 then 70 000 little-endian.
    const out = up(em300, [0x05, 0xc8, 0x70, 0x11, 0x01, 0x00]);
    expect(out.data).toEqual({ pulse: 70000 });
    const max = up(em300, [0x05, 0xc8, 0xff, 0xff, 0xff, 0xff]);
    expect(max.data).toEqual({ pulse: 4294967295 });
  });

  it('reads a negative temperature as signed', () => {
    // -12.5 °C = -125 = 0xFF83.
    const out = wt.decodeUplink({ bytes: [0x03, 0x67, 0x83, 0xff], fPort: 85, variables: {} });
    expect(out.data).toEqual({ temperature: -12.5 });
    expect(toHex(encUp(wt, { temperature: -12.5 }).bytes)).toBe('036783ff');
  });

  it('keeps history timestamps as UTC epoch seconds whatever the machine time zone', () => {
    // 2022-10-12T08:02:38Z built from its parts, independently of the decoder and of TZ.
    const expected = Date.UTC(2022, 9, 12, 8, 2, 38) / 1000;
    const out = up(em300, hex('20ce9e74466310015d020000010000'), 85);
    const history = (out.data as { history: Array<{ timestamp: number }> }).history;
    expect(history[0]!.timestamp).toBe(expected);
    const enc = encDown(em300, { fetch_history: { start_time: expected } });
    expect(toHex(enc.bytes)).toBe('fd6b9e744663');
  });

  it('shows a refused WT101 reply as the vendor does, and a success as the command', () => {
    // f8 35 (target temperature range 5 to 16 °C), result 2 = invalid parameter.
    expect(up(wt, hex('f835051002')).data).toEqual({
      device_response_result: {
        channel_type: 0x35,
        result: 'invalid parameter',
        request: { target_temperature_range: { min: 5, max: 16 } },
      },
    });
    const ok = up(wt, hex('f835051000')).data;
    expect(ok).toEqual({ target_temperature_range: { min: 5, max: 16 } });
    expect(toHex(encUp(wt, up(wt, hex('f835051002')).data).bytes)).toBe('f835051002');
  });

  it('decodes the same history whatever the process time zone', () => {
    const bytes = hex('20ce9e74466310015d020000010000');
    const saved = process.env.TZ;
    const results: unknown[] = [];
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
        process.env.TZ = tz;
        results.push(up(em300, bytes, 85).data);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('decodes the rest of a frame after an unknown record, with a warning', () => {
    // Unknown channel 0x0F with a known type (0x67, 2 bytes), then battery.
    const out = up(em300, hex('0f67010201755c'), 85);
    expect(out.data).toEqual({ battery: 92 });
    expect(out.warnings).toEqual([
      'uplink: unknown record 0x0f 0x67 at offset 0, skipped its 2 data bytes',
    ]);
    // An unknown type cannot be stepped over: what came before is kept, the rest is reported.
    const stop = up(em300, hex('01755c0f99aabb'), 85);
    expect(stop.data).toEqual({ battery: 92 });
    expect(stop.warnings![0]).toMatch(/unknown record 0x0f 0x99 at offset 3; .* 3 to 6 were not/);
  });

  it('fails a truncated record, naming the record, the offset and the length', () => {
    expect(() => up(em300, hex('01755c05c80001'), 85)).toThrow(
      expect.objectContaining({
        message: 'uplink: pulse (0x05 0xc8).pulse: need 4 bytes at offset 5, got 2',
      }),
    );
  });

  it('uses no shared global state: two codecs decode independently and repeatably', () => {
    const a = up(em300, hex('01755c'), 85);
    const b = up(wt, hex('017561'), 85);
    const a2 = up(em300, hex('01755c'), 85);
    expect(a.data).toEqual({ battery: 92 });
    expect(b.data).toEqual({ battery: 97 });
    expect(a2.data).toEqual(a.data);
    expect(a.data).not.toBe(a2.data);
  });
});

describe('definitions', () => {
  for (const def of milesightCodecs as CodecDefinition[]) {
    it(`${def.id} lists message types, schemas and a harmonised view`, () => {
      expect(def.messageTypes.length).toBeGreaterThan(3);
      expect(def.uplinkSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(def.downlinkSchema).toBeDefined();
      for (const ex of def.examples.filter((e) => e.operation === 'decodeUplink')) {
        expect(def.normalizeUplink!(ex.data).category).toBe(def.category);
      }
    });
  }

  it('normalises a WT101 status to the hvac view', () => {
    const wt = byId.get('milesight/wt101')!;
    const data = up(wt, hex('01756104672c0103670a01059264'), 85).data;
    expect(wt.normalizeUplink!(data)).toEqual({
      category: 'hvac', batteryPercent: 97, setpointC: 30, temperatureC: 26.6, valvePercent: 100,
    });
  });
});
