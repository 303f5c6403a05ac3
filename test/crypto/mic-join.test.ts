import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computeJoinAcceptMic10,
  computeJoinAcceptMic11,
  computeJoinRequestMic,
  computeRejoinRequestMic,
  createCmac,
  decryptJoinAccept,
  deriveSessionKeys10,
  encryptJoinAccept,
  LoireError,
  verifyJoinAcceptMic10,
  verifyJoinAcceptMic11,
  verifyJoinRequestMic,
  verifyRejoinRequestMic,
} from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { frameBytes } from './frame-slice.js';
import { aesEcbDecrypt, aesEcbEncrypt, cmacOracle, hex, toHex } from './oracle.js';

const all = loadVectors<MacVector[]>('mac.json');
const of = (kind: string) => all.filter((v) => v.kind === kind);

describe('join-request vectors', () => {
  it('has vectors to check', () => expect(of('join-request').length).toBeGreaterThanOrEqual(4));
  for (const v of of('join-request')) {
    it(v.id, () => {
      const key = hex(v.inputs.key as string);
      const msg = v.inputs.msg_without_mic !== undefined
        ? hex(v.inputs.msg_without_mic as string)
        : frameBytes(v.inputs).subarray(0, 19);
      const mic = computeJoinRequestMic(key, msg);
      const expected = (v.expected.mic_calculated ?? v.expected.mic) as string | undefined;
      if (expected !== undefined) expect(toHex(mic)).toBe(expected);
      if (v.inputs.msg_without_mic === undefined) {
        const frame = frameBytes(v.inputs);
        expect(verifyJoinRequestMic(createCmac(key), msg, frame.subarray(19)))
          .toBe(v.expected.mic_valid);
      }
    });
  }
});

/** MHDR | JoinNonce LE | NetID LE | DevAddr LE | DLSettings | RxDelay (TS001-1.0.4 §6.2.5). */
function joinAcceptClear(i: Record<string, unknown>): Uint8Array {
  const le = (n: number, bytes: number) =>
    Array.from({ length: bytes }, (_, k) => Math.floor(n / 2 ** (8 * k)) & 0xff);
  return new Uint8Array([
    0x20,
    ...le(i.JoinNonce_int as number, 3),
    ...le(parseInt(i.NetID_be as string, 16), 3),
    ...le(parseInt(i.DevAddr_be as string, 16), 4),
    parseInt(i.DLSettings as string, 16),
    parseInt(i.RxDelay as string, 16),
  ]);
}

describe('join-accept-1.0 vectors', () => {
  it('has vectors to check', () => expect(of('join-accept-1.0').length).toBeGreaterThanOrEqual(6));
  for (const v of of('join-accept-1.0')) {
    it(v.id, () => {
      const i = v.inputs;
      const e = v.expected;
      if (i.phypayload_plaintext !== undefined) {
        const p = hex(i.phypayload_plaintext as string);
        const key = hex(i.AppKey as string);
        expect(toHex(computeJoinAcceptMic10(key, p.subarray(0, -4)))).toBe(e.mic);
        expect(verifyJoinAcceptMic10(key, p.subarray(0, -4), p.subarray(-4))).toBe(true);
      } else if (i.plaintext_phypayload_without_mic !== undefined) {
        const key = hex(i.AppKey as string);
        const m = hex(i.plaintext_phypayload_without_mic as string);
        const mic = computeJoinAcceptMic10(key, m);
        expect(toHex(mic)).toBe(e.mic);
        const enc = encryptJoinAccept(key, new Uint8Array([...m, ...mic]));
        expect(toHex(enc)).toBe(e.encrypted_phypayload);
      } else if (i.phypayload !== undefined) {
        // Received frame with CFList: decrypt, check MIC and fields, then derive the keys.
        const key = hex(i.AppKey as string);
        const clear = decryptJoinAccept(key, frameBytes(i));
        expect(toHex(clear.subarray(-4))).toBe((e.MIC as string).toLowerCase());
        expect(verifyJoinAcceptMic10(key, clear.subarray(0, -4), clear.subarray(-4))).toBe(true);
        const rev = (a: Uint8Array) => toHex(a.slice().reverse());
        expect(rev(clear.subarray(1, 4))).toBe(e.AppNonce_be);
        expect(rev(clear.subarray(4, 7))).toBe(e.NetID_be);
        expect(rev(clear.subarray(7, 11))).toBe(e.DevAddr_be);
        const keys = deriveSessionKeys10({
          appKey: key,
          joinNonce: parseInt(e.AppNonce_be as string, 16),
          netId: parseInt(e.NetID_be as string, 16),
          devNonce: parseInt(i.DevNonce_be as string, 16),
        });
        expect(toHex(keys.nwkSKey)).toBe(e.NwkSKey);
        expect(toHex(keys.appSKey)).toBe(e.AppSKey);
        expect(toHex(encryptJoinAccept(key, clear))).toBe((i.phypayload as string).toLowerCase());
      } else if (i.decrypted_without_mhdr !== undefined) {
        const key = hex(i.key as string);
        const p = new Uint8Array([0x20, ...hex(i.decrypted_without_mhdr as string)]);
        expect(toHex(encryptJoinAccept(key, p).subarray(1))).toBe(e.encrypted);
      } else if (i.payload_with_mhdr !== undefined) {
        const key = hex(i.key as string);
        expect(toHex(computeJoinAcceptMic10(key, hex(i.payload_with_mhdr as string)))).toBe(e.mic);
      } else {
        const key = hex(i.key as string);
        const m = joinAcceptClear(i);
        const mic = computeJoinAcceptMic10(key, m);
        expect(toHex(mic)).toBe(e.mic);
        expect(toHex(encryptJoinAccept(key, new Uint8Array([...m, ...mic]))))
          .toBe(e.encrypted_phypayload);
      }
    });
  }
});

describe('join-accept-1.1 vectors', () => {
  it('has vectors to check', () => expect(of('join-accept-1.1').length).toBeGreaterThanOrEqual(2));
  for (const v of of('join-accept-1.1')) {
    it(v.id, () => {
      const i = v.inputs;
      const key = hex((i.JSIntKey ?? i.key) as string);
      const message = i.payload_with_mhdr !== undefined
        ? hex(i.payload_with_mhdr as string)
        : joinAcceptClear(i);
      const input = {
        joinReqType: parseInt(i.JoinReqType as string, 16),
        joinEui: hex(i.JoinEUI_be as string),
        devNonce: (i.DevNonce_int as number | undefined) ?? parseInt(i.DevNonce_be as string, 16),
        message,
      };
      const mic = computeJoinAcceptMic11(key, input);
      expect(toHex(mic)).toBe(v.expected.mic);
      // The same with JoinEUI as the framing layer gives it (big-endian hex string).
      const asText = { ...input, joinEui: (i.JoinEUI_be as string).toLowerCase() };
      expect(toHex(computeJoinAcceptMic11(key, asText))).toBe(v.expected.mic);
      expect(verifyJoinAcceptMic11(key, input, mic)).toBe(true);
      if (v.expected.cmac_input !== undefined) {
        expect(toHex(cmacOracle(key, hex(v.expected.cmac_input as string)).subarray(0, 4)))
          .toBe(v.expected.mic);
      }
      if (v.expected.encrypted_phypayload !== undefined) {
        const enc = encryptJoinAccept(key, new Uint8Array([...message, ...mic]));
        expect(toHex(enc)).toBe(v.expected.encrypted_phypayload);
      }
    });
  }
});

describe('rejoin vectors', () => {
  it('has vectors to check', () => expect(of('rejoin').length).toBeGreaterThanOrEqual(4));
  for (const v of of('rejoin')) {
    it(v.id, () => {
      const key = hex(v.inputs.key as string);
      const frame = v.inputs.msg_without_mic !== undefined
        ? hex(v.inputs.msg_without_mic as string)
        : frameBytes(v.inputs);
      const msg = v.inputs.msg_without_mic !== undefined ? frame : frame.subarray(0, -4);
      const expected = (v.expected.mic_calculated ?? v.expected.mic) as string;
      expect(toHex(computeRejoinRequestMic(key, msg))).toBe(expected);
      expect(verifyRejoinRequestMic(key, msg, hex(expected))).toBe(true);
      if (v.inputs.msg_without_mic === undefined) {
        expect(verifyRejoinRequestMic(key, msg, frame.subarray(-4))).toBe(true);
      }
    });
  }
});

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('Join-Accept cipher properties', () => {
  test.prop([key, fc.constantFrom(16, 32), fc.uint8Array({ minLength: 33, maxLength: 33 })])(
    'decrypt(encrypt(x)) = x and encrypt is AES-ECB decrypt (node:crypto)',
    (k, len, raw) => {
      const p = raw.subarray(0, 1 + len);
      const enc = encryptJoinAccept(k, p);
      expect(enc[0]).toBe(p[0]);
      expect(enc.subarray(1)).toEqual(aesEcbDecrypt(k, p.subarray(1)));
      expect(decryptJoinAccept(k, enc)).toEqual(p);
      expect(decryptJoinAccept(k, p).subarray(1)).toEqual(aesEcbEncrypt(k, p.subarray(1)));
    },
  );
});

describe('join procedure errors', () => {
  const k = new Uint8Array(16);
  it('rejects an 18-byte Join-Request message as TRUNCATED', () => {
    try {
      computeJoinRequestMic(k, new Uint8Array(18));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoireError);
      expect((e as LoireError).code).toBe('TRUNCATED');
    }
  });
  it('rejects a 20-byte Join-Accept as not 17 or 33', () => {
    expect(() => decryptJoinAccept(k, new Uint8Array(20))).toThrow(/17 or 33 bytes/);
  });
  it('rejects RejoinType 3 with its offset', () => {
    try {
      computeRejoinRequestMic(k, new Uint8Array([0xc0, 3, ...new Uint8Array(13)]));
      expect.unreachable();
    } catch (e) {
      expect((e as LoireError).code).toBe('INVALID_VALUE');
      expect((e as LoireError).offset).toBe(1);
    }
  });
  it('rejects a 7-byte joinEui naming it', () => {
    expect(() =>
      computeJoinAcceptMic11(k, { joinReqType: 0xff, joinEui: new Uint8Array(7), devNonce: 1,
        message: new Uint8Array(13) }),
    ).toThrow(/joinEui: expected 8 bytes, got 7/);
  });
  it('rejects joinReqType 5', () => {
    expect(() =>
      computeJoinAcceptMic11(k, { joinReqType: 5, joinEui: new Uint8Array(8), devNonce: 1,
        message: new Uint8Array(13) }),
    ).toThrow(/joinReqType/);
  });
});
