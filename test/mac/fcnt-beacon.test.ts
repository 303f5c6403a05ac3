/**
 * FCnt reconstruction (mac.json kind fcnt-32, ChirpStack's test_get_full_f_cnt_up) and Class B
 * beacons (kind classb-beacon: TS001-1.1 §15.2 figures 61-62 and a user's AS923 beacon).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BEACON_LAYOUT_EU868,
  beaconCrc16,
  decodeBeacon,
  encodeBeacon,
  reconstructFCnt32,
} from '../../src/index.js';
import { beHex, bytes, hex, vectorsOfKind } from './_helpers.js';

describe('fcnt-32 vectors', () => {
  for (const v of vectorsOfKind('fcnt-32')) {
    for (const [next, f16, full] of v.inputs.cases as Array<[number, number, number]>) {
      it(`${v.id}: next ${next}, on air ${f16} -> ${full}`, () => {
        const r = reconstructFCnt32(next, f16);
        expect(r.fCnt32).toBe(full);
        // The vector's notes: a value equal to (expected-1) mod 2^16 is a retransmission.
        expect(r.retransmission).toBe(next > 0 && full === next - 1);
      });
    }
  }

  test.prop([fc.nat(0xffffffff), fc.nat(0xffff)])('low 16 bits always match', (next, f16) => {
    const r = reconstructFCnt32(next, f16);
    expect(r.fCnt32 % 0x10000).toBe(f16);
    expect(r.fCnt32).toBeLessThanOrEqual(0xffffffff);
  });

  it('rejects out-of-range arguments', () => {
    expect(() => reconstructFCnt32(-1, 0)).toThrow(RangeError);
    expect(() => reconstructFCnt32(0, 65536)).toThrow(/fCnt16/);
  });
});

describe('classb-beacon vectors', () => {
  const all = vectorsOfKind('classb-beacon');
  for (const v of all) {
    it(v.id, () => {
      const input = v.inputs.bcnpayload as string;
      const b = decodeBeacon(bytes(input));
      const e = v.expected as Record<string, string>;
      const timeAir = bytes(input).subarray(b.rfu1.length, b.rfu1.length + 4);
      // time_hex is the wire bytes read as a big-endian number (the vectors' display order).
      const timeHex = e.time_hex!;
      expect(beHex(b.time, 8)).toBe(timeHex);
      expect(hex(timeAir)).toBe(timeHex.match(/../g)!.reverse().join(''));
      expect(b.crc1Ok).toBe(true);
      const crc1Air = e.crc1_air ?? e.crc1_air_in_frame;
      expect(hex(new Uint8Array([b.crc1 & 0xff, b.crc1 >> 8]))).toBe(crc1Air);
      if (e.crc1_value) expect(beHex(b.crc1, 4)).toBe(e.crc1_value);
      if (e.rfu) expect(hex(b.rfu1)).toBe(e.rfu);
      if (e.rfu2) expect(hex(b.rfu2)).toBe(e.rfu2);
      if (e.crc2_air) {
        expect(b.crc2Ok).toBe(true);
        expect(hex(new Uint8Array([b.crc2 & 0xff, b.crc2 >> 8]))).toBe(e.crc2_air);
        expect(beHex(b.crc2, 4)).toBe(e.crc2_value ?? beHex(b.crc2, 4));
        expect(b.infoDesc).toBe(Number(e.infoDesc));
        const lat = hex(b.info.subarray(0, 3)).match(/../g)!.reverse().join('');
        const lng = hex(b.info.subarray(3, 6)).match(/../g)!.reverse().join('');
        expect(lat).toBe(e.lat_hex);
        expect(lng).toBe(e.lng_hex);
        expect(b.latitudeDeg).toBeCloseTo((parseInt(e.lat_hex!, 16) * 90) / 2 ** 23, 9);
        // Re-encoding recomputes both CRCs: the bytes must come back unchanged.
        expect(hex(encodeBeacon(b))).toBe(input);
      }
    });
  }

  it('reports a corrupted CRC instead of hiding it', () => {
    const b = bytes('0000000002cca27e00012000008103de55');
    b[3] ^= 1;
    const d = decodeBeacon(b, BEACON_LAYOUT_EU868);
    expect(d.crc1Ok).toBe(false);
    expect(d.crc2Ok).toBe(true);
  });

  it('CRC-16 parameters are CRC-16/XMODEM (check value of "123456789" is 0x31c3)', () => {
    // Check value from the CRC catalogue (reveng) for CRC-16/XMODEM.
    expect(beaconCrc16(new TextEncoder().encode('123456789'))).toBe(0x31c3);
  });

  it('rejects a beacon of unknown length', () => {
    expect(() => decodeBeacon(new Uint8Array(18))).toThrow(/layout/);
    expect(() => decodeBeacon(new Uint8Array(16), BEACON_LAYOUT_EU868)).toThrow(/needs 17/);
  });
});
