import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computeUplinkMic10,
  createAes128,
  createCmac,
  decryptFrmPayload,
  encryptFrmPayload,
  LoireError,
} from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { frameBytes, sliceDataFrame } from './frame-slice.js';
import { frmPayloadOracle, hex, toHex } from './oracle.js';

const all = loadVectors<MacVector[]>('mac.json');
const decryptVectors = all.filter((v) => v.kind === 'decrypt-frmpayload');
const encodeVectors = all.filter((v) => v.kind === 'encode-data-1.0');

describe('FRMPayload decryption vectors', () => {
  it('has vectors to check', () => expect(decryptVectors.length).toBeGreaterThanOrEqual(4));
  for (const v of decryptVectors) {
    it(v.id, () => {
      const i = v.inputs;
      if (i.phypayload !== undefined) {
        const f = sliceDataFrame(frameBytes(i));
        const plain = decryptFrmPayload(hex(i.frmKey as string), {
          direction: f.uplink ? 'up' : 'down',
          devAddr: f.devAddr,
          fCnt: f.fCnt16,
          payload: f.frmPayload,
        });
        expect(toHex(plain)).toBe(v.expected.frmPayload_plaintext);
      } else {
        const input = {
          direction: i.direction as 'up' | 'down',
          devAddr: parseInt(i.DevAddr_be as string, 16),
          fCnt: i.FCnt as number,
          payload: hex(i.plaintext as string),
        };
        const ct = encryptFrmPayload(hex(i.key as string), input);
        expect(toHex(ct)).toBe(v.expected.ciphertext);
        expect(toHex(decryptFrmPayload(hex(i.key as string), { ...input, payload: ct }))).toBe(
          i.plaintext,
        );
      }
    });
  }
});

const MTYPE: Record<string, number> = {
  'Unconfirmed Data Up': 0x40,
  UnconfirmedDataUp: 0x40,
  'Confirmed Data Up': 0x80,
  ConfirmedDataUp: 0x80,
};

describe('encode-data-1.0 vectors (payload encryption and MIC)', () => {
  it('has vectors to check', () => expect(encodeVectors.length).toBeGreaterThanOrEqual(2));
  for (const v of encodeVectors) {
    it(v.id, () => {
      const i = v.inputs;
      const devAddr = parseInt(i.DevAddr_be as string, 16);
      const fCnt = i.FCnt as number;
      const fOpts = hex((i.FOpts as string | undefined) ?? '');
      const fPort = i.FPort as number;
      const nwkSKey = hex(i.NwkSKey as string);
      const frmKey = fPort === 0 ? nwkSKey : hex(i.AppSKey as string);
      const frm = encryptFrmPayload(frmKey, {
        direction: 'up',
        devAddr,
        fCnt,
        payload: hex(i.FRMPayload_plaintext as string),
      });
      // Minimal assembly (TS001-1.0.4 §4): MHDR | DevAddr LE | FCtrl | FCnt LE | FOpts | FPort.
      const head = [MTYPE[i.MType as string]!, devAddr & 0xff, (devAddr >>> 8) & 0xff,
        (devAddr >>> 16) & 0xff, devAddr >>> 24, fOpts.length, fCnt & 0xff, fCnt >>> 8];
      const msg = new Uint8Array([...head, ...fOpts, fPort, ...frm]);
      const mic = computeUplinkMic10(nwkSKey, { devAddr, fCnt, message: msg });
      expect(toHex(new Uint8Array([...msg, ...mic]))).toBe(
        (v.expected.phypayload as string).toLowerCase(),
      );
    });
  }
});

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const u32 = fc.nat({ max: 0xffffffff });
const dir = fc.constantFrom('up' as const, 'down' as const);

describe('FRMPayload cipher properties', () => {
  test.prop([key, dir, u32, u32, fc.uint8Array({ maxLength: 100 })])(
    'decrypt(encrypt(x)) = x, with raw and expanded keys',
    (k, direction, devAddr, fCnt, payload) => {
      const ct = encryptFrmPayload(k, { direction, devAddr, fCnt, payload });
      expect(decryptFrmPayload(createAes128(k), { direction, devAddr, fCnt, payload: ct }))
        .toEqual(payload);
      expect(decryptFrmPayload(createCmac(k), { direction, devAddr, fCnt, payload: ct }))
        .toEqual(payload);
    },
  );
  test.prop([key, dir, u32, fc.integer({ min: 0x10000, max: 0xffffffff }),
    fc.uint8Array({ maxLength: 100 })])(
    'matches a node:crypto oracle, including FCnt above 65535',
    (k, direction, devAddr, fCnt, payload) => {
      const got = encryptFrmPayload(k, { direction, devAddr, fCnt, payload });
      const d = direction === 'up' ? 0 : 1;
      expect(got).toEqual(frmPayloadOracle(k, d, devAddr, fCnt, payload));
    },
  );
  it('encrypts in place when output is the payload', () => {
    const k = hex('ec925802ae430ca77fd3dd73cb2cc588');
    const p = hex('54686520717569636b2062726f776e20666f78');
    const input = { direction: 'up' as const, devAddr: 1, fCnt: 70000, payload: p };
    const expected = encryptFrmPayload(k, input);
    encryptFrmPayload(k, input, p);
    expect(p).toEqual(expected);
  });
});

describe('FRMPayload cipher argument errors', () => {
  const k = new Uint8Array(16);
  const base = { direction: 'up' as const, devAddr: 1, fCnt: 1, payload: new Uint8Array(4) };
  it('names fCnt beyond 32 bits', () => {
    expect(() => encryptFrmPayload(k, { ...base, fCnt: 2 ** 32 })).toThrow(/fCnt: expected 0 to/);
  });
  it('names devAddr when negative', () => {
    expect(() => encryptFrmPayload(k, { ...base, devAddr: -1 })).toThrow(/devAddr/);
  });
  it('names direction when unknown', () => {
    expect(() =>
      encryptFrmPayload(k, { ...base, direction: 'sideways' as unknown as 'up' }),
    ).toThrow(/direction/);
  });
  it('names key when 8 bytes', () => {
    expect(() => encryptFrmPayload(new Uint8Array(8), base)).toThrow(
      /key: expected 16 bytes, got 8/,
    );
  });
  it('rejects a payload beyond 255 blocks with a LoireError', () => {
    const e = (() => {
      try {
        encryptFrmPayload(k, { ...base, payload: new Uint8Array(4081) });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(LoireError);
    expect((e as LoireError).code).toBe('TOO_LONG');
  });
});
