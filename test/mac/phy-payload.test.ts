/**
 * Known-answer tests of PHYPayload decoding against the shared vectors of mac.json (kinds
 * phypayload-decode, phypayload-malformed, join-request, rejoin). Each test is named by its
 * vector id; the sources (lora-packet, ChirpStack lrwn, TTN lorawan-stack, brocaar/lorawan)
 * are in the vectors.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeFCtrlDownlink,
  decodeFCtrlUplink,
  decodePhyPayload,
  decodeRejoinRequest,
  devAddrToHex,
  encodePhyPayload,
  LoireError,
} from '../../src/index.js';
import type { PhyPayload } from '../../src/index.js';
import { beHex, bytes, hex, vectorsOfKind } from './_helpers.js';

/** Checks each expected key of a vector against the decoded frame; unknown keys fail. */
function checkExpected(frame: PhyPayload, expected: Record<string, unknown>): void {
  for (const [key, want] of Object.entries(expected)) {
    const w = typeof want === 'string' ? want.toLowerCase() : want;
    switch (key) {
      case 'mtype':
        expect(frame.mhdr.mType, key).toBe(w);
        break;
      case 'mhdr':
        expect(hex(frame.bytes.subarray(0, 1)), key).toBe(w);
        break;
      case 'joinEUI':
        expect((frame as { joinEui: string }).joinEui, key).toBe(w);
        break;
      case 'devEUI':
        expect((frame as { devEui: string }).devEui, key).toBe(w);
        break;
      case 'devNonce':
        expect(beHex((frame as { devNonce: number }).devNonce, 4), key).toBe(w);
        break;
      case 'devNonce_int':
        expect((frame as { devNonce: number }).devNonce, key).toBe(w);
        break;
      case 'mic':
      case 'mic_calculated':
        // MIC values are only carried here; src/crypto checks them.
        expect(hex((frame as { mic: Uint8Array }).mic), key).toBe(w);
        break;
      case 'macPayload_lorapacket':
      case 'mic_lorapacket':
        // lora-packet splits the proprietary payload into MACPayload | MIC; loire keeps the
        // whole payload opaque, so both parts must appear in it at their places.
        expect(frame.type).toBe('proprietary');
        break;
      case 'mic_valid':
        break; // a crypto check, done by src/crypto's tests
      default: {
        if (frame.type !== 'data') throw new Error(`unhandled key ${key} for ${frame.type}`);
        const f = frame;
        const fc = f.fhdr.fCtrl as unknown as Record<string, unknown>;
        const value: Record<string, unknown> = {
          devAddr: devAddrToHex(f.fhdr.devAddr),
          fctrl: hex(f.bytes.subarray(5, 6)),
          fCnt: f.fhdr.fCnt,
          fOpts: hex(f.fhdr.fOpts),
          fOptsLen: fc.fOptsLen,
          fPort: f.fPort,
          frmPayload: hex(f.frmPayload),
          adr: fc.adr,
          ack: fc.ack,
          adrAckReq: fc.adrAckReq,
          fPending: fc.fPending,
        };
        if (!(key in value)) throw new Error(`unhandled key ${key}`);
        expect(value[key], key).toBe(w);
      }
    }
  }
}

describe('phypayload-decode vectors', () => {
  for (const v of vectorsOfKind('phypayload-decode')) {
    const input = v.inputs.phypayload as string | undefined;
    if (input) {
      it(v.id, () => {
        const frame = decodePhyPayload(bytes(input));
        checkExpected(frame, v.expected);
        if (frame.type === 'proprietary' && 'mic_lorapacket' in v.expected) {
          const lp = `${v.expected.macPayload_lorapacket}${v.expected.mic_lorapacket}`;
          expect(hex(frame.payload)).toBe(lp);
        }
        // Re-encoding what was decoded gives the same bytes.
        expect(hex(encodePhyPayload(frame))).toBe(input.toLowerCase());
      });
    }
  }

  it('lrwn-rejoin-type0-payload', () => {
    const id = 'lrwn-rejoin-type0-payload';
    const v = vectorsOfKind('phypayload-decode').find((x) => x.id === id)!;
    // The vector gives the MACPayload only: frame it with MHDR 0xC0 and a 4-byte placeholder MIC.
    const frame = decodeRejoinRequest(bytes(`c0${v.inputs.macpayload as string}00000000`));
    expect(frame.rejoinType).toBe(v.expected.rejoinType);
    if (frame.rejoinType === 1) throw new Error('wrong type');
    expect(frame.netId).toBe(v.expected.netID);
    expect(frame.devEui).toBe(v.expected.devEUI);
    expect(frame.rjCount0).toBe(v.expected.rjCount0);
  });

  it('lrwn-fctrl-bits', () => {
    const v = vectorsOfKind('phypayload-decode').find((x) => x.id === 'lrwn-fctrl-bits')!;
    const cases = v.inputs.cases as Array<Record<string, unknown>>;
    for (const c of cases) {
      const byte = parseInt(c.byte as string, 16);
      const up = decodeFCtrlUplink(byte);
      const down = decodeFCtrlDownlink(byte);
      const flag = (k: string): boolean => c[k] === true;
      expect(up.adr).toBe(flag('adr'));
      expect(up.adrAckReq).toBe(flag('adrAckReq'));
      expect(up.ack).toBe(flag('ack'));
      expect(up.classB).toBe(flag('fPending_or_classB'));
      expect(down.fPending).toBe(flag('fPending_or_classB'));
      expect(down.ack).toBe(flag('ack'));
      expect(up.fOptsLen).toBe(c.fOptsLen);
      expect(down.fOptsLen).toBe(c.fOptsLen);
    }
  });
});

describe('phypayload-malformed vectors', () => {
  for (const v of vectorsOfKind('phypayload-malformed')) {
    for (const c of v.inputs.cases as Array<{ phypayload: string; reason: string }>) {
      it(`${v.id}: ${c.phypayload} (${c.reason})`, () => {
        let err: unknown;
        try {
          decodePhyPayload(bytes(c.phypayload));
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(LoireError);
        const le = err as LoireError;
        expect(['TRUNCATED', 'INVALID_VALUE', 'TOO_LONG']).toContain(le.code);
        expect(le.field).toBeTruthy();
        expect(le.offset).toBeTypeOf('number');
        // The message says what was needed.
        expect(le.message).toMatch(/needs|must be|at least/);
      });
    }
  }
});

describe('join-request vectors', () => {
  for (const v of vectorsOfKind('join-request')) {
    const input = v.inputs.phypayload as string | undefined;
    if (!input) continue; // MIC-only entries belong to src/crypto's tests
    it(v.id, () => {
      const frame = decodePhyPayload(bytes(input));
      expect(frame.type).toBe('joinRequest');
      checkExpected(frame, v.expected);
      expect(frame.type === 'joinRequest' && frame.micOffset).toBe(19);
    });
  }
});

describe('rejoin vectors', () => {
  for (const v of vectorsOfKind('rejoin')) {
    const input = v.inputs.phypayload as string | undefined;
    if (!input) continue; // MIC-only entries belong to src/crypto's tests
    it(v.id, () => {
      const frame = decodeRejoinRequest(bytes(input));
      const e = v.expected;
      expect(frame.rejoinType).toBe(e.rejoinType);
      expect(frame.devEui).toBe(e.devEUI);
      if (frame.rejoinType === 1) {
        expect(frame.joinEui).toBe(e.joinEUI);
        expect(frame.rjCount1).toBe(e.rjCount1);
      } else {
        expect(frame.netId).toBe(e.netID);
        expect(frame.rjCount0).toBe(e.rjCount0);
      }
      expect(hex(frame.mic)).toBe(e.mic_calculated);
      expect(frame.micOffset).toBe(frame.bytes.length - 4);
      expect(hex(encodePhyPayload(frame))).toBe(input);
    });
  }
});
