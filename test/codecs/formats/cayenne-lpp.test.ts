import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  decodeUplink,
  encodeUplink,
  getCodec,
  LPP_STYLES,
  LPP_TYPES,
} from '../../../codecs/index.js';
import { loadVectors, type CodecVector } from '../../vectors.js';

const lpp = getCodec('generic/cayenne-lpp')!;

function hexBytes(hex: string): number[] {
  return (hex.match(/../g) ?? []).map((h) => parseInt(h, 16));
}

/** A record with a raw integer per field, so values are exact multiples of the resolution. */
const record = fc.constantFrom(...LPP_TYPES).chain((type) =>
  fc.record({
    channel: fc.integer({ min: 0, max: 255 }),
    raws: fc.tuple(
      ...type.fields.map((f) => {
        const span = 2 ** (8 * f.bytes);
        return f.signed
          ? fc.integer({ min: -span / 2, max: span / 2 - 1 })
          : fc.integer({ min: 0, max: span - 1 });
      }),
    ),
    type: fc.constant(type),
  }),
);

function wire(records: { channel: number; raws: number[]; type: (typeof LPP_TYPES)[number] }[]) {
  const out: number[] = [];
  for (const r of records) {
    out.push(r.channel, r.type.id);
    r.type.fields.forEach((f, i) => {
      const span = 2 ** (8 * f.bytes);
      const u = r.raws[i]! < 0 ? r.raws[i]! + span : r.raws[i]!;
      for (let k = f.bytes - 1; k >= 0; k--) out.push(Math.floor(u / 2 ** (8 * k)) % 256);
    });
  }
  return out;
}

describe('Cayenne LPP', () => {
  test.prop([fc.array(record, { maxLength: 8 }), fc.constantFrom(...LPP_STYLES)])(
    'decode then encode gives the same bytes, in every style (unique channel per type)',
    (records, style) => {
      const seen = new Set<string>();
      const unique = records.filter((r) => {
        const k = `${r.type.id}/${r.channel}`;
        return seen.has(k) ? false : (seen.add(k), true);
      });
      const bytes = wire(unique);
      const decoded = decodeUplink(lpp, { bytes, fPort: 1, variables: { style } });
      expect(decoded.errors).toEqual([]);
      const encoded = encodeUplink(lpp, { data: decoded.data });
      expect(encoded.errors).toEqual([]);
      // Keyed styles lose the record order; compare as multisets of records.
      const sortRecords = (b: number[]) => {
        const d = decodeUplink(lpp, { bytes: b, fPort: 1 }).data as object[];
        return d.map((x) => JSON.stringify(x)).sort();
      };
      expect(sortRecords(encoded.bytes)).toEqual(sortRecords(bytes));
      if (style === 'neutral') expect(encoded.bytes).toEqual(bytes);
    },
  );

  test.prop([fc.array(record, { minLength: 1, maxLength: 4 }), fc.nat()])(
    'a payload cut inside a record is an error naming the record and offset',
    (records, cut) => {
      const bytes = wire(records);
      const at = cut % bytes.length;
      if (at === 0) return;
      // Record boundaries: a cut there leaves a shorter valid payload.
      const ends: number[] = [];
      let end = 0;
      for (const rec of records) {
        end += 2 + rec.type.fields.reduce((n, f) => n + f.bytes, 0);
        ends.push(end);
      }
      const r = decodeUplink(lpp, { bytes: bytes.slice(0, at), fPort: 1 });
      if (ends.includes(at)) {
        expect(r.errors).toEqual([]);
        return;
      }
      expect(r.data).toEqual({});
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(
        new RegExp('^(record header \\(channel and type\\)|[a-z_]+ on channel \\d+): ' +
          'need \\d+ bytes? at offset \\d+, got \\d+$'),
      );
    },
  );

  test('an unknown type byte is an error with its offset', () => {
    expect(decodeUplink(lpp, { bytes: [1, 0x99, 0], fPort: 1 }).errors).toEqual([
      'unknown LPP type 153 at offset 1',
    ]);
  });

  test('encoding a value that does not fit its field names it', () => {
    const r = encodeUplink(lpp, { data: [{ channel: 1, temperature: 4000 }] });
    expect(r.errors).toEqual(['temperature on channel 1: 4000 is outside -3276.8 to 3276.7']);
    const s = encodeUplink(lpp, { data: { foo_1: 3 } });
    expect(s.errors).toEqual(['data.foo_1: not a Cayenne LPP field']);
  });

  test('repeated channels in the keyed styles keep the last value and warn', () => {
    const r = decodeUplink(lpp, {
      bytes: [1, 0x67, 0, 10, 1, 0x67, 0, 20],
      fPort: 1,
      variables: { style: 'chirpstack' },
    });
    expect(r.data).toEqual({ temperatureSensor: { '1': 2 } });
    expect(r.warnings).toEqual([
      'temperature on channel 1 appears more than once; the last value is kept',
    ]);
  });

  test('encodes ChirpStack test_lpp data to its bytes (codecs.json lpp-03, a round trip)', () => {
    const v = loadVectors<CodecVector[]>('codecs.json').find((x) => x.id === 'lpp-03')!;
    const r = encodeUplink(lpp, { data: v.expected });
    expect(r.errors).toEqual([]);
    // Keyed by type, the order differs from the payload; records must be the same set.
    const sorted = (b: number[]) =>
      (decodeUplink(lpp, { bytes: b, fPort: 1 }).data as object[])
        .map((x) => JSON.stringify(x))
        .sort();
    expect(sorted(r.bytes)).toEqual(sorted(hexBytes(v.bytesHex)));
  });
});
