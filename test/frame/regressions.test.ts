/**
 * Regressions of the high-level frame calls: counters above 65535, FOpts-only downlinks,
 * 1.1 downlink FOpts, and arguments that must be refused. Values are checked against the
 * mac.json vectors or the node:crypto oracle of test/crypto/oracle.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  LoireError,
  buildDataFrame,
  bytesToHex,
  createSession,
  decodeFrame,
  hexToBytes,
} from '../../src/index.js';
import type { DecodedDataFrame, DecodedFrame } from '../../src/index.js';
import { dataMic10Oracle, frmPayloadOracle } from '../crypto/oracle.js';
import { loadVectors, type MacVector } from '../vectors.js';

const vector = (id: string): MacVector =>
  loadVectors<MacVector[]>('mac.json').find((v) => v.id === id)!;
const data = (f: DecodedFrame): DecodedDataFrame => {
  if (f.type !== 'data') throw new Error(`expected a data frame, got ${f.type}`);
  return f;
};

describe('FCnt above 65535', () => {
  // lpi126-mic-mismatch-fcnt16: the MIC validates with the full counter 89136 (0x15c30).
  const v = vector('lpi126-mic-mismatch-fcnt16');
  const bytes = hexToBytes(String(v.inputs.phypayload));
  const keys = { nwkSKey: String(v.inputs.NwkSKey) };

  it('checks the MIC with the full 32-bit counter (lpi126)', () => {
    expect(decodeFrame(bytes, { keys }).micValid).toBe(false);
    const f = data(decodeFrame(bytes, { keys, fCnt: 89136 }));
    expect([f.micValid, f.fCnt, f.fCnt16]).toEqual([true, 89136, 23600]);
  });

  it('reconstructs the counter from the next one expected (lpi126)', () => {
    const f = data(decodeFrame(bytes, { keys, fCnt: 89000 }));
    expect([f.micValid, f.fCnt]).toEqual([true, 89136]);
  });

  it('encrypts, signs and decrypts with the full counter (node:crypto oracle)', () => {
    const nwkSKey = hexToBytes('000102030405060708090a0b0c0d0e0f');
    const appSKey = hexToBytes('f0e0d0c0b0a090807060504030201000');
    const devAddr = 0x26011f2a;
    const fCnt = 0x0002_fffe;
    const clear = hexToBytes('0102030405060708090a0b0c');
    const frame = buildDataFrame(
      { uplink: true, devAddr, fCnt, fPort: 2, payload: clear },
      { keys: { nwkSKey, appSKey } },
    );
    expect(bytesToHex(frame.subarray(6, 8))).toBe('feff');
    expect(bytesToHex(frame.subarray(9, 21))).toBe(
      bytesToHex(frmPayloadOracle(appSKey, 0, devAddr, fCnt, clear)),
    );
    const mic = dataMic10Oracle(nwkSKey, 0, devAddr, fCnt, frame.subarray(0, frame.length - 4));
    expect(bytesToHex(frame.subarray(-4))).toBe(bytesToHex(mic));

    const session = createSession({ nwkSKey, appSKey });
    const f = data(session.decode(frame, { fCnt: 0x0002_0000 }));
    expect([f.micValid, f.fCnt, bytesToHex(f.payload!)]).toEqual([true, fCnt, bytesToHex(clear)]);
    const wrong = data(session.decode(frame));
    expect(wrong.micValid).toBe(false);
    expect(bytesToHex(wrong.payload!)).not.toBe(bytesToHex(clear));
  });
});

describe('downlink carrying only FOpts, no FPort', () => {
  it('1.0: MAC commands read from FOpts, MIC checked, no payload', () => {
    const nwkSKey = hexToBytes('2b7e151628aed2a6abf7158809cf4f3c');
    const frame = buildDataFrame(
      { uplink: false, devAddr: '26012e29', fCnt: 3, fCtrl: { ack: true },
        fOpts: [{ cid: 2, name: 'LinkCheckAns', fields: { margin: 20, gwCnt: 2 } }] },
      { keys: { nwkSKey } },
    );
    expect(bytesToHex(frame.subarray(0, 11))).toBe('60292e0126230300021402');
    const mic = dataMic10Oracle(nwkSKey, 1, 0x26012e29, 3, frame.subarray(0, 11));
    expect(bytesToHex(frame.subarray(11))).toBe(bytesToHex(mic));
    const f = data(decodeFrame(frame, { keys: { nwkSKey, appSKey: nwkSKey } }));
    expect(f.fPort).toBeNull();
    expect(f.micValid).toBe(true);
    expect(f.payload).toBeUndefined();
    expect(f.macCommands).toEqual([
      { cid: 2, name: 'LinkCheckAns', fields: { margin: 20, gwCnt: 2 } },
    ]);
  });

  it('ttn-downlink-no-fport-ok: decodes with keys, no payload, empty command list', () => {
    const v = vector('ttn-downlink-no-fport-ok');
    const f = data(
      decodeFrame(hexToBytes(String(v.inputs.phypayload)), {
        keys: { nwkSKey: '01'.repeat(16), appSKey: '02'.repeat(16) },
      }),
    );
    expect([f.fPort, f.payload, f.macCommands, f.micValid]).toEqual([null, undefined, [], false]);
  });

  it('1.1 (br11-fopts-encrypted-nfcntdown): FOpts decrypted with the NFCntDown flag', () => {
    const v = vector('br11-fopts-encrypted-nfcntdown');
    const keys = {
      sNwkSIntKey: String(v.inputs.SNwkSIntKey),
      nwkSEncKey: String(v.inputs.NwkSEncKey),
    };
    const f = data(decodeFrame(hexToBytes(String(v.inputs.phypayload)), { keys, lorawan: '1.1' }));
    expect(bytesToHex(f.fOptsDecrypted!)).toBe('020701');
    // The same bytes read as an FPort > 0 frame would use AFCntDown and give other bytes.
    expect(f.macCommands![0]!.name).toBe('LinkCheckAns');
  });
});

describe('refusals', () => {
  it('rejects MAC commands in FOpts and an FPort 0 payload at once (§4.3.1.6)', () => {
    // lpi18-fopts-decode with its FPort byte set to 0.
    const bytes = hexToBytes('4084412505A3010009110300B33750F504D4B86A');
    let err: unknown;
    try {
      decodeFrame(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LoireError);
    expect((err as LoireError).field).toBe('FOptsLen');
  });

  it('refuses a key of the other LoRaWAN version, naming it', () => {
    expect(() => decodeFrame(new Uint8Array(12), { keys: { nwkSEncKey: '00'.repeat(16) } }))
      .toThrow(/keys\.nwkSEncKey: a LoRaWAN 1\.1 key/);
    expect(() => createSession({ nwkSKey: '00'.repeat(16) }, { lorawan: '1.1' }))
      .toThrow(/keys\.nwkSKey: a LoRaWAN 1\.0 key/);
    // A 1.1 device has an AppKey too (root of AppSKey): accepted, though no frame uses it.
    const both = { appKey: '01'.repeat(16), nwkKey: '02'.repeat(16) };
    expect(createSession(both, { lorawan: '1.1' }).lorawan).toBe('1.1');
  });

  it('refuses a malformed key without echoing it', () => {
    const secret = 'abcdef0123456789abcdef012345678';
    try {
      createSession({ appSKey: secret });
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect((e as Error).message).not.toContain(secret);
    }
  });

  it('reports the key a builder needs as MISSING_KEY', () => {
    let err: unknown;
    try {
      buildDataFrame({ uplink: true, devAddr: 1, fCnt: 1, fPort: 1, payload: new Uint8Array(1) },
        { keys: { nwkSKey: '00'.repeat(16) } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LoireError);
    const { code, field } = err as LoireError;
    expect([code, field]).toEqual(['MISSING_KEY', 'appSKey']);
  });

  it('refuses a flag of the other direction rather than dropping it', () => {
    expect(() => buildDataFrame({ uplink: true, devAddr: 1, fCnt: 1, fCtrl: { fPending: true } },
      { keys: { nwkSKey: '00'.repeat(16) } })).toThrow(/fCtrl\.fPending/);
  });

  it('names a wrong decode option', () => {
    expect(() => decodeFrame(new Uint8Array(12), { fCnt: 2 ** 32 })).toThrow(/fCnt/);
    expect(() => decodeFrame(new Uint8Array(12), { txDr: -1 })).toThrow(/txDr/);
  });
});

describe('a MIC known to be wrong', () => {
  it('leaves decrypted MAC commands unparsed, not failing on noise (lp-encode-port0)', () => {
    // lp-encode-port0's frame read with a wrong NwkSKey: the FPort 0 payload is noise.
    const bytes = hexToBytes('40D4C3B2A1001000002712A3F9C9');
    const f = data(decodeFrame(bytes, { keys: { nwkSKey: '00'.repeat(16) } }));
    expect([f.micValid, f.macCommands, f.payload?.length]).toEqual([false, undefined, 1]);
  });
});

describe('crypto argument bounds after the checkUint table change (src/crypto/params.ts)', () => {
  it('accepts each maximum and refuses one more, naming the argument', async () => {
    const { encryptFrmPayload, computeUplinkMic11 } = await import('../../src/index.js');
    const key = new Uint8Array(16);
    const payload = new Uint8Array(1);
    const message = new Uint8Array(12);
    const ok = { direction: 'up' as const, devAddr: 0xffffffff, fCnt: 0xffffffff, payload };
    expect(() => encryptFrmPayload(key, ok)).not.toThrow();
    expect(() => encryptFrmPayload(key, { ...ok, fCnt: 2 ** 32 }))
      .toThrow(/fCnt: expected 0 to 4294967295/);
    expect(() => encryptFrmPayload(key, { ...ok, devAddr: -1 })).toThrow(RangeError);
    const mic = { devAddr: 1, fCnt: 1, confFCnt: 0, message, txDr: 255, txCh: 255 };
    expect(() => computeUplinkMic11(key, key, mic)).not.toThrow();
    expect(() => computeUplinkMic11(key, key, { ...mic, txCh: 256 }))
      .toThrow(/txCh: expected 0 to 255/);
  });
});
