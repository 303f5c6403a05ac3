/**
 * Join-Accept field decoding against mac.json (kinds join-accept-payload-decode,
 * join-accept-1.0 and join-accept-1.1 where the vector gives plaintext or fields).
 */
import { describe, expect, it } from 'vitest';
import {
  decodeCfList,
  decodeDecryptedJoinAccept,
  decodeJoinAccept,
  decodeJoinAcceptPayload,
  devAddrToHex,
  encodeDecryptedJoinAccept,
  encodeJoinAcceptPayload,
  encodePhyPayload,
  decodePhyPayload,
} from '../../src/index.js';
import type { JoinAcceptPayload } from '../../src/index.js';
import { beHex, bytes, hex, vectorsOfKind } from './_helpers.js';

describe('join-accept-payload-decode vectors', () => {
  for (const v of vectorsOfKind('join-accept-payload-decode')) {
    it(v.id, () => {
      const e = v.expected;
      const p = decodeJoinAcceptPayload(bytes(v.inputs.payload as string));
      expect(p.joinNonce).toBe(e.JoinNonce_int);
      expect(p.homeNetId).toBe(e.NetID_be);
      expect(devAddrToHex(p.devAddr)).toBe(e.DevAddr_be);
      expect(p.dlSettings.rx1DrOffset).toBe(e.rx1_dr_offset);
      expect(p.dlSettings.rx2DataRate).toBe(e.rx2_dr);
      expect(p.dlSettings.optNeg).toBe(e.opt_neg);
      expect(p.rxDelay).toBe(e.rx_delay);
      expect(p.cfList?.cfListType).toBe(e.cflist_type);
      expect(p.cfList?.cfListType === 0 && p.cfList.frequenciesHz).toEqual(e.cflist_channels_hz);
      expect(hex(encodeJoinAcceptPayload(p))).toBe(v.inputs.payload);
    });
  }
});

/** Fields as the vectors name them, from a decoded payload. */
function asVectorFields(p: JoinAcceptPayload): Record<string, string> {
  return {
    joinNonce: beHex(p.joinNonce, 6),
    netId: p.homeNetId,
    devAddr: devAddrToHex(p.devAddr),
    dlSettings: beHex(encodeJoinAcceptPayload(p)[10]!, 2),
    rxDelay: beHex(p.rxDelay, 2),
  };
}

describe('join-accept-1.0 and 1.1 vectors (plaintext fields)', () => {
  const all = [...vectorsOfKind('join-accept-1.0'), ...vectorsOfKind('join-accept-1.1')];
  for (const v of all) {
    const i = v.inputs;
    const e = v.expected;
    if (i.phypayload_plaintext) {
      it(`${v.id}: decrypted PHYPayload fields`, () => {
        const ja = decodeDecryptedJoinAccept(bytes(i.phypayload_plaintext as string));
        expect(asVectorFields(ja.payload)).toEqual({
          joinNonce: e.appNonce_be,
          netId: e.netID_be,
          devAddr: e.devAddr_be,
          dlSettings: e.dlSettings,
          rxDelay: e.rxDelay,
        });
        expect(hex(ja.mic)).toBe((e.mic as string).toLowerCase());
        expect(ja.micOffset).toBe(13);
        const plain = (i.phypayload_plaintext as string).toLowerCase();
        expect(hex(encodeDecryptedJoinAccept(ja))).toBe(plain);
      });
    }
    if (i.JoinNonce_int !== undefined) {
      it(`${v.id}: fields encode and decode, ciphertext frames as a Join-Accept`, () => {
        const dl = parseInt(i.DLSettings as string, 16);
        const payload: JoinAcceptPayload = {
          joinNonce: i.JoinNonce_int as number,
          homeNetId: i.NetID_be as string,
          devAddr: parseInt(i.DevAddr_be as string, 16),
          dlSettings: { optNeg: dl >= 0x80, rx1DrOffset: (dl >> 4) & 7, rx2DataRate: dl & 15 },
          rxDelay: parseInt(i.RxDelay as string, 16),
        };
        const plain = encodeDecryptedJoinAccept({
          mhdr: { mType: 1, rfu: 0, major: 0 },
          payload,
          mic: bytes(e.mic as string),
        });
        expect(hex(plain.subarray(11, 12))).toBe(i.DLSettings);
        expect(decodeDecryptedJoinAccept(plain).payload).toEqual(payload);
        const onAir = decodePhyPayload(bytes(e.encrypted_phypayload as string));
        expect(onAir.type).toBe('joinAccept');
        expect(onAir.type === 'joinAccept' && onAir.encryptedPayload.length).toBe(16);
      });
    }
    if (v.id === 'lpi10-join-accept-decrypt-keys') {
      it(`${v.id}: 33-byte Join-Accept with CFList`, () => {
        const f = decodeJoinAccept(bytes(i.phypayload as string));
        expect(f.encryptedPayload.length).toBe(32);
        expect(hex(encodePhyPayload(f))).toBe((i.phypayload as string).toLowerCase());
        const extra = (v as unknown as { verify_extra: Record<string, string> }).verify_extra;
        const cf = decodeCfList(bytes(extra.CFList_plaintext!));
        // The same CFList appears decoded in lrwn-join-accept-payload-decode.
        expect(cf).toEqual({
          cfListType: 0,
          frequenciesHz: [867100000, 867300000, 867500000, 867700000, 867900000],
        });
        // Reported decrypted fields, re-encoded then decoded.
        const payload: JoinAcceptPayload = {
          joinNonce: parseInt(e.AppNonce_be as string, 16),
          homeNetId: e.NetID_be as string,
          devAddr: parseInt(e.DevAddr_be as string, 16),
          dlSettings: { optNeg: false, rx1DrOffset: 0, rx2DataRate: 3 },
          rxDelay: 1,
          cfList: cf,
        };
        const enc = encodeJoinAcceptPayload(payload);
        expect(hex(enc.subarray(10, 12))).toBe(`${e.DLSettings}${e.RxDelay}`);
        expect(hex(enc.subarray(12))).toBe(extra.CFList_plaintext);
        expect(decodeJoinAcceptPayload(enc)).toEqual(payload);
      });
    }
  }
});
