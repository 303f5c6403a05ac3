/**
 * Every registered codec against its own examples and the shared vectors (codecs.json), through
 * the library's TS013 functions; and totality on arbitrary bytes. Generic over the registry:
 * a codec merged later is covered without touching this file.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  decodeDownlink,
  decodeUplink,
  encodeDownlink,
  getCodec,
  listCodecs,
  normalizeUplink,
  type Ts013DecodeInput,
  type Ts013EncodeInput,
} from '../../../codecs/index.js';
import { allCases, type CodecCase } from './cases.js';
import { validate } from './json-schema.js';
import { schemaFor } from './schema-for.js';

const cases = allCases();

function toHex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('codecs through the library TS013 functions', () => {
  test('the shared vectors cover at least the Cayenne LPP examples', () => {
    expect(cases.filter((c) => c.label.startsWith('vector lpp-')).length).toBe(11);
  });

  test.each(cases.map((c) => [`${c.codecId} ${c.label}`, c] as const))('%s', (_, c: CodecCase) => {
    const codec = getCodec(c.codecId)!;
    const variables = c.input['variables'] as Record<string, unknown> | undefined;
    if (c.operation === 'encodeDownlink') {
      const r = encodeDownlink(codec, c.input as unknown as Ts013EncodeInput);
      expect(r.errors).toEqual(c.expected.errors ?? []);
      if (c.expected.bytesHex !== undefined) expect(toHex(r.bytes)).toBe(c.expected.bytesHex);
      if (c.expected.fPort !== undefined) expect(r.fPort).toBe(c.expected.fPort);
      if (c.expected.warnings) expect(r.warnings).toEqual(c.expected.warnings);
      const schema = schemaFor(codec, c.operation, variables);
      if (schema && r.errors.length === 0) expect(validate(schema, c.input['data'])).toEqual([]);
      return;
    }
    const decode = c.operation === 'decodeUplink' ? decodeUplink : decodeDownlink;
    const r = decode(codec, c.input as unknown as Ts013DecodeInput);
    expect(r.errors).toEqual(c.expected.errors ?? []);
    expect(r.data).toEqual(c.expected.data);
    if (c.expected.warnings) expect(r.warnings).toEqual(c.expected.warnings);
    const schema = schemaFor(codec, c.operation, variables);
    if (schema && r.errors.length === 0) expect(validate(schema, r.data)).toEqual([]);
    if (c.expected.normalized !== undefined) {
      // Shared vectors give The Things Stack's normalized payload (the vendor's Device
      // Repository normalizer): its measurements, and its warnings in the vendor's wording.
      const n = normalizeUplink(codec, { data: r.data }, { normalized: 'tts' });
      const want = c.expected.normalized as { data: unknown; warnings?: string[] };
      expect(n.errors).toEqual([]);
      expect(n.data).toEqual(want.data);
      if (want.warnings !== undefined) expect(n.warnings).toEqual(want.warnings);
    }
  });
});

describe.each(listCodecs().map((c) => [c.id] as const))('%s is total', (id) => {
  const codec = getCodec(id)!;
  test.prop(
    [fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 223 })],
    { numRuns: 150 },
  )('decodeUplink on arbitrary bytes gives data or errors, never a throw', (bytes, fPort) => {
    const r = decodeUplink(codec, { bytes, fPort, recvTime: '2024-01-01T00:00:00Z' });
    expect(Array.isArray(r.errors) && Array.isArray(r.warnings)).toBe(true);
    for (const m of [...r.errors, ...r.warnings]) {
      expect(typeof m === 'string' && m !== '').toBe(true);
    }
    // The error rule: an error leaves no data that could be mistaken for valid.
    if (r.errors.length > 0) expect(r.data).toEqual({});
    else expect(r.data).not.toBeUndefined();
    expect(() => JSON.stringify(r)).not.toThrow();
    expect(JSON.stringify(r)).not.toMatch(/unexpected decoder failure/);
  });
});
