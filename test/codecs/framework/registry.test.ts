import { describe, expect, test } from 'vitest';
import { codecIds, getCodec, listCodecs } from '../../../codecs/index.js';

describe('codec registry', () => {
  test('ids are unique lowercase vendor/model and each one is found by getCodec', () => {
    const ids = codecIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._+-]*$/);
      expect(getCodec(id)?.id).toBe(id);
    }
  });

  test('getCodec is case-insensitive and gives undefined for an unknown id', () => {
    expect(getCodec('Generic/Cayenne-LPP')?.id).toBe('generic/cayenne-lpp');
    expect(getCodec('nobody/nothing')).toBeUndefined();
    expect(() => getCodec(42 as never)).toThrow(TypeError);
  });

  test('lists Cayenne LPP with its operations, styles and examples', () => {
    const lpp = listCodecs().find((c) => c.id === 'generic/cayenne-lpp')!;
    expect(lpp.category).toBe('generic');
    expect(lpp.operations).toEqual([
      'decodeUplink',
      'encodeUplink',
      'encodeDownlink',
      'decodeDownlink',
      'normalizeUplink',
    ]);
    expect(lpp.styles).toEqual(['neutral', 'tts', 'chirpstack']);
    expect(lpp.examples.length).toBeGreaterThan(0);
  });

  describe.each(listCodecs().map((c) => [c.id, c] as const))('%s metadata', (_, info) => {
    test('has a category, message types, a schema per direction it handles, and examples', () => {
      expect(['water', 'lighting', 'hvac', 'air', 'waste', 'generic']).toContain(info.category);
      expect(info.messageTypes.length).toBeGreaterThan(0);
      expect(typeof info.uplinkSchema).toBe('object');
      const downlink = info.operations.includes('encodeDownlink') ||
        info.operations.includes('decodeDownlink');
      if (downlink) expect(typeof info.downlinkSchema).toBe('object');
      for (const s of [info.uplinkSchema, info.downlinkSchema]) {
        if (s && '$schema' in s) {
          expect(s['$schema']).toBe('http://json-schema.org/draft-07/schema#');
        }
      }
      expect(info.examples.length).toBeGreaterThan(0);
      for (const ex of info.examples) {
        expect(ex.source.length).toBeGreaterThan(0);
        expect(ex.bytesHex).toMatch(/^([0-9a-fA-F]{2})*$/);
      }
    });
  });
});
