import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { houseCodecs } from '../../../codecs/house/index.js';
import { onlyCodecErrors } from './arbitrary.js';

describe('every house codec', () => {
  test('has the five loire ids', () => {
    expect(houseCodecs.map((c) => c.id)).toEqual(['loire/water-meter', 'loire/lighting',
      'loire/hvac', 'loire/air-quality', 'loire/waste']);
  });

  for (const def of houseCodecs) {
    test(`${def.id} keeps an unknown message type as hex, warns, re-encodes it`, () => {
      const bytes = [0x1f, 0xde, 0xad];
      const r = def.decodeUplink({ bytes, fPort: def.uplinkFPorts[0]!, variables: {} });
      expect(r.data).toEqual({ messageType: 'unknown', version: 1, messageTypeCode: 15,
        payloadHex: 'dead' });
      expect(r.warnings).toEqual([`${def.id}: unknown message type 15; bytes 1..2 kept as ` +
        'payloadHex']);
      expect(def.encodeUplink!({ data: r.data, variables: {} }).bytes).toEqual(bytes);
    });

    test(`${def.id} keeps a frame of an unknown version as hex`, () => {
      const r = def.decodeUplink({ bytes: [0x21, 1], fPort: 1, variables: {} });
      expect(r.data).toMatchObject({ messageType: 'unknown', version: 2 });
      expect(r.warnings![0]).toMatch(/unknown format version 2/);
    });

    test.prop([fc.uint8Array({ maxLength: 80 })])(`${def.id} is total on arbitrary bytes`, (b) => {
      onlyCodecErrors(() => def.decodeUplink({ bytes: Array.from(b), fPort: 1, variables: {} }));
      if (def.decodeDownlink) {
        onlyCodecErrors(() => def.decodeDownlink!({ bytes: Array.from(b), fPort: 1,
          variables: {} }));
      }
    });
  }
});

describe('house codec examples', () => {
  for (const def of houseCodecs) {
    for (const ex of def.examples) {
      test(`${def.id}: ${ex.description}`, () => {
        const bytes = Buffer.from(ex.bytesHex, 'hex').toJSON().data;
        if (ex.operation === 'decodeUplink') {
          expect(def.decodeUplink({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
          expect(def.encodeUplink!({ data: ex.data, variables: {} }).bytes).toEqual(bytes);
        } else {
          expect(def.encodeDownlink!({ data: ex.data, variables: {} }).bytes).toEqual(bytes);
          expect(def.decodeDownlink!({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
        }
      });
    }
  }
});
