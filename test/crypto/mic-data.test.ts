import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computeDownlinkMic10,
  computeDownlinkMic11,
  computeUplinkMic10,
  computeUplinkMic11,
  createCmac,
  decryptFrmPayload,
  LoireError,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyUplinkMic10,
  verifyUplinkMic11,
} from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { frameBytes, sliceDataFrame } from './frame-slice.js';
import { b0Oracle, cmacOracle, dataMic10Oracle, hex, toHex } from './oracle.js';

const all = loadVectors<MacVector[]>('mac.json');
const v10 = all.filter((v) => v.kind === 'mic-data-1.0');
const v11 = all.filter((v) => v.kind === 'mic-data-1.1');

/** The MIC the vector states: mic_calculated (what the source computed) or the frame MIC. */
const expectedMic = (v: MacVector): string =>
  ((v.expected.mic_calculated ?? v.expected.mic) as string).toLowerCase();

describe('mic-data-1.0 vectors', () => {
  it('has vectors to check', () => expect(v10.length).toBeGreaterThanOrEqual(12));
  for (const v of v10) {
    it(v.id, () => {
      const i = v.inputs;
      if (i.msg_without_mic !== undefined) {
        const key = hex(i.key as string);
        const input = {
          devAddr: parseInt(i.DevAddr_be as string, 16),
          fCnt: i.FCnt as number,
          message: hex(i.msg_without_mic as string),
        };
        const down = i.direction === 'down';
        const mic = down ? computeDownlinkMic10(key, input) : computeUplinkMic10(key, input);
        expect(toHex(mic)).toBe(expectedMic(v));
        const verify = down ? verifyDownlinkMic10 : verifyUplinkMic10;
        const ok = verify(key, input, mic);
        expect(ok).toBe(true);
        return;
      }
      const f = sliceDataFrame(frameBytes(i));
      const key = hex(i.NwkSKey as string);
      // The vectors carry 16-bit counters; fCntMSB16 (when given) names the upper half used.
      const fCnt = ((((i.fCntMSB16 as number | undefined) ?? 0) << 16) | f.fCnt16) >>> 0;
      const input = { devAddr: f.devAddr, fCnt, message: f.message };
      const compute = f.uplink ? computeUplinkMic10 : computeDownlinkMic10;
      const verify = f.uplink ? verifyUplinkMic10 : verifyDownlinkMic10;
      expect(toHex(compute(key, input))).toBe(expectedMic(v));
      expect(verify(key, input, f.mic)).toBe(v.expected.mic_valid ?? true);
      if (i.frmKey !== undefined && v.expected.frmPayload_plaintext !== undefined) {
        const plain = decryptFrmPayload(hex(i.frmKey as string), {
          direction: f.uplink ? 'up' : 'down',
          devAddr: f.devAddr,
          fCnt,
          payload: f.frmPayload,
        });
        expect(toHex(plain)).toBe(v.expected.frmPayload_plaintext);
      }
    });
  }

  it('lpi126: the frame MIC validates with FCnt MSB 0x0001 (full FCnt 89136)', () => {
    // Source: mac.json lpi126-mic-mismatch-fcnt16, derived_observation (32-bit rollover).
    const v = v10.find((x) => x.id === 'lpi126-mic-mismatch-fcnt16')!;
    const f = sliceDataFrame(frameBytes(v.inputs));
    const key = hex(v.inputs.NwkSKey as string);
    const input = { devAddr: f.devAddr, fCnt: 0x10000 + f.fCnt16, message: f.message };
    expect(verifyUplinkMic10(key, input, f.mic)).toBe(true);
    expect(toHex(computeUplinkMic10(key, input))).toBe(toHex(f.mic));
  });
});

describe('mic-data-1.1 vectors', () => {
  it('has vectors to check', () => expect(v11.length).toBeGreaterThanOrEqual(6));
  for (const v of v11) {
    it(v.id, () => {
      const i = v.inputs;
      const sKey = hex(i.SNwkSIntKey as string);
      const fKey = hex(i.FNwkSIntKey as string);
      const extra = { confFCnt: i.confFCnt as number, txDr: i.txDr as number,
        txCh: i.txCh as number };
      if (i.msg_without_mic !== undefined) {
        const input = { devAddr: parseInt(i.DevAddr_be as string, 16), fCnt: i.FCnt as number,
          message: hex(i.msg_without_mic as string), ...extra };
        const mic = computeUplinkMic11(sKey, fKey, input);
        expect(toHex(mic)).toBe(expectedMic(v));
        expect(verifyUplinkMic11(sKey, fKey, input, mic)).toBe(true);
        return;
      }
      const f = sliceDataFrame(frameBytes(i));
      const input = { devAddr: f.devAddr, fCnt: f.fCnt16, message: f.message, ...extra };
      if (f.uplink) {
        expect(toHex(computeUplinkMic11(sKey, fKey, input))).toBe(expectedMic(v));
        expect(verifyUplinkMic11(sKey, fKey, input, f.mic)).toBe(v.expected.mic_valid ?? true);
      } else {
        expect(toHex(computeDownlinkMic11(sKey, input))).toBe(expectedMic(v));
        expect(verifyDownlinkMic11(sKey, input, f.mic)).toBe(v.expected.mic_valid ?? true);
      }
      if (i.frmKey !== undefined && v.expected.frmPayload_plaintext !== undefined) {
        const plain = decryptFrmPayload(hex(i.frmKey as string), {
          direction: f.uplink ? 'up' : 'down',
          devAddr: f.devAddr,
          fCnt: f.fCnt16,
          payload: f.frmPayload,
        });
        expect(toHex(plain)).toBe(v.expected.frmPayload_plaintext);
      }
    });
  }
});

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const u32 = fc.nat({ max: 0xffffffff });
const bigFCnt = fc.integer({ min: 0x10000, max: 0xffffffff });
const message = fc.uint8Array({ minLength: 8, maxLength: 120 });

describe('data MICs against a node:crypto oracle (FCnt above 65535)', () => {
  test.prop([key, u32, bigFCnt, message])('1.0 uplink and downlink', (k, devAddr, fCnt, m) => {
    const input = { devAddr, fCnt, message: m };
    expect(computeUplinkMic10(k, input)).toEqual(dataMic10Oracle(k, 0, devAddr, fCnt, m));
    expect(computeDownlinkMic10(createCmac(k), input)).toEqual(
      dataMic10Oracle(k, 1, devAddr, fCnt, m),
    );
  });

  test.prop([key, key, u32, bigFCnt, fc.nat(0xffff), fc.nat(255), fc.nat(255), message])(
    '1.1 uplink: cmacS[0..1] | cmacF[0..1], ConfFCnt only with ACK',
    (s, f, devAddr, fCnt, conf, txDr, txCh, m) => {
      const b1 = b0Oracle(0, devAddr, fCnt, m.length);
      const ack = (m[5]! & 0x20) !== 0;
      b1.writeUInt16LE(ack ? conf : 0, 1);
      b1[3] = txDr;
      b1[4] = txCh;
      const cmacS = cmacOracle(s, Buffer.concat([b1, m]));
      const cmacF = cmacOracle(f, Buffer.concat([b0Oracle(0, devAddr, fCnt, m.length), m]));
      const expected = new Uint8Array([cmacS[0]!, cmacS[1]!, cmacF[0]!, cmacF[1]!]);
      const input = { devAddr, fCnt, confFCnt: conf, txDr, txCh, message: m };
      expect(computeUplinkMic11(s, f, input)).toEqual(expected);
      expect(verifyUplinkMic11(createCmac(s), createCmac(f), input, expected)).toBe(true);
    },
  );

  test.prop([key, u32, bigFCnt, fc.nat(0xffff), message])(
    '1.1 downlink: ConfFCnt in B0 only with ACK',
    (s, devAddr, fCnt, conf, m) => {
      const b0 = b0Oracle(1, devAddr, fCnt, m.length);
      b0.writeUInt16LE((m[5]! & 0x20) !== 0 ? conf : 0, 1);
      const expected = cmacOracle(s, Buffer.concat([b0, m])).subarray(0, 4);
      expect(computeDownlinkMic11(s, { devAddr, fCnt, confFCnt: conf, message: m }))
        .toEqual(expected);
    },
  );

  test.prop([key, u32, u32, message, fc.nat(3), fc.nat(7)])(
    'verification rejects any flipped MIC bit',
    (k, devAddr, fCnt, m, byte, bit) => {
      const input = { devAddr, fCnt, message: m };
      const mic = computeUplinkMic10(k, input);
      mic[byte]! ^= 1 << bit;
      expect(verifyUplinkMic10(k, input, mic)).toBe(false);
    },
  );
});

describe('data MIC input errors', () => {
  const k = new Uint8Array(16);
  it('a 7-byte message is TRUNCATED at FHDR', () => {
    try {
      computeUplinkMic10(k, { devAddr: 1, fCnt: 1, message: new Uint8Array(7) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoireError);
      expect((e as LoireError).code).toBe('TRUNCATED');
      expect((e as LoireError).field).toBe('FHDR');
    }
  });
  it('a 256-byte message is TOO_LONG for B0', () => {
    expect(() =>
      computeUplinkMic10(k, { devAddr: 1, fCnt: 1, message: new Uint8Array(256) }),
    ).toThrow(LoireError);
  });
  it('a 3-byte mic is a RangeError naming mic', () => {
    const input = { devAddr: 1, fCnt: 1, message: new Uint8Array(8) };
    expect(() => verifyUplinkMic10(k, input, new Uint8Array(3))).toThrow(/mic: expected 4/);
  });
  it('names the key that is wrong', () => {
    const input = { devAddr: 1, fCnt: 1, confFCnt: 0, txDr: 0, txCh: 0,
      message: new Uint8Array(8) };
    expect(() => computeUplinkMic11(k, new Uint8Array(3), input)).toThrow(/fNwkSIntKey/);
    expect(() => computeUplinkMic11(new Uint8Array(3), k, input)).toThrow(/sNwkSIntKey/);
  });
  it('names txDr above 255', () => {
    const input = { devAddr: 1, fCnt: 1, confFCnt: 0, txDr: 256, txCh: 0,
      message: new Uint8Array(8) };
    expect(() => computeUplinkMic11(k, k, input)).toThrow(/txDr/);
  });
});
