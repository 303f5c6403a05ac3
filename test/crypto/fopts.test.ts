import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computeDownlinkMic11,
  decryptFOpts,
  decryptFrmPayload,
  encryptFOpts,
  LoireError,
  verifyDownlinkMic11,
} from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { frameBytes, sliceDataFrame } from './frame-slice.js';
import { aesEcbEncrypt, hex, toHex } from './oracle.js';

const vectors = loadVectors<MacVector[]>('mac.json').filter((v) => v.kind === 'fopts-encrypt-1.1');

describe('fopts-encrypt-1.1 vectors', () => {
  it('has vectors to check', () => expect(vectors.length).toBeGreaterThanOrEqual(5));
  for (const v of vectors) {
    it(v.id, () => {
      const i = v.inputs;
      const layout = (v as { spec_variant?: string }).spec_variant ? 'original' : 'errata';
      const nwkSEncKey = hex(i.NwkSEncKey as string);
      if (i.phypayload === undefined) {
        const input = {
          direction: i.direction as 'up' | 'down',
          devAddr: parseInt(i.DevAddr_be as string, 16),
          fCnt: i.FCnt as number,
          fOpts: hex(i.plaintext as string),
          layout: layout as 'errata' | 'original',
        };
        const ct = encryptFOpts(nwkSEncKey, input);
        expect(toHex(ct)).toBe(v.expected.ciphertext);
        expect(toHex(decryptFOpts(nwkSEncKey, { ...input, fOpts: ct }))).toBe(i.plaintext);
        return;
      }
      const f = sliceDataFrame(frameBytes(i));
      expect(toHex(f.fOpts)).toBe(v.expected.fOpts);
      expect(f.fPort).toBe(v.expected.fPort);
      const direction = f.uplink ? 'up' : 'down';
      // Errata: AFCntDown (A byte 4 = 0x02) for downlinks with FPort > 0.
      const aFCntDown = !f.uplink && f.fPort !== null && f.fPort > 0;
      const plain = decryptFOpts(nwkSEncKey, {
        direction, devAddr: f.devAddr, fCnt: f.fCnt16, fOpts: f.fOpts, aFCntDown });
      expect(toHex(plain)).toBe(v.expected.fOpts_plaintext);
      const sKey = hex(i.SNwkSIntKey as string);
      const micInput = { devAddr: f.devAddr, fCnt: f.fCnt16, confFCnt: i.confFCnt as number,
        message: f.message };
      expect(toHex(computeDownlinkMic11(sKey, micInput))).toBe(v.expected.mic_calculated);
      expect(verifyDownlinkMic11(sKey, micInput, f.mic)).toBe(v.expected.mic_valid);
      if (i.frmKey !== undefined) {
        const frm = decryptFrmPayload(hex(i.frmKey as string), {
          direction, devAddr: f.devAddr, fCnt: f.fCnt16, payload: f.frmPayload });
        expect(toHex(frm)).toBe(v.expected.frmPayload_plaintext);
      }
    });
  }
});

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const u32 = fc.nat({ max: 0xffffffff });
const dir = fc.constantFrom('up' as const, 'down' as const);
const fOpts = fc.uint8Array({ maxLength: 15 });

describe('FOpts cipher properties', () => {
  test.prop([key, dir, u32, u32, fOpts, fc.boolean()])(
    'decrypt(encrypt(x)) = x',
    (k, direction, devAddr, fCnt, x, aFCntDown) => {
      const input = { direction, devAddr, fCnt, fOpts: x, aFCntDown };
      const ct = encryptFOpts(k, input);
      expect(decryptFOpts(k, { ...input, fOpts: ct })).toEqual(x);
    },
  );
  test.prop([key, dir, u32, fc.integer({ min: 0x10000, max: 0xffffffff }), fOpts, fc.boolean()])(
    'matches the errata A block built with Buffer writers (FCnt above 65535)',
    (k, direction, devAddr, fCnt, x, aFCntDown) => {
      const a = Buffer.alloc(16);
      a[0] = 0x01;
      a[4] = direction === 'down' && aFCntDown ? 0x02 : 0x01;
      a[5] = direction === 'up' ? 0 : 1;
      a.writeUInt32LE(devAddr, 6);
      a.writeUInt32LE(fCnt, 10);
      a[15] = 0x01;
      const s = aesEcbEncrypt(k, a);
      const expected = x.map((b, j) => b ^ s[j]!);
      expect(encryptFOpts(k, { direction, devAddr, fCnt, fOpts: x, aFCntDown })).toEqual(
        expected,
      );
    },
  );
});

describe('FOpts cipher errors', () => {
  const k = new Uint8Array(16);
  it('rejects 16 bytes of FOpts as TOO_LONG on FOpts', () => {
    try {
      encryptFOpts(k, { direction: 'up', devAddr: 0, fCnt: 0, fOpts: new Uint8Array(16) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoireError);
      expect((e as LoireError).field).toBe('FOpts');
    }
  });
  it('names nwkSEncKey when it is the wrong length', () => {
    expect(() =>
      encryptFOpts(new Uint8Array(4), { direction: 'up', devAddr: 0, fCnt: 0,
        fOpts: new Uint8Array(1) }),
    ).toThrow(/nwkSEncKey: expected 16 bytes, got 4/);
  });
});
