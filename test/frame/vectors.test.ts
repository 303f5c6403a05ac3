/**
 * Every relevant mac.json vector through the high-level calls: decodeFrame (fields, MIC check,
 * FOpts and FRMPayload decryption, Join-Accept decryption, MAC commands) and the builders
 * (byte-exact frames). Each test is named by its vector id; the sources are in mac.json.
 */
import { describe, expect, it } from 'vitest';
import {
  LoireError,
  bytesToHex,
  buildDataFrame,
  buildJoinAccept,
  buildJoinRequest,
  buildRejoinRequest,
  decodeFrame,
  devAddrToHex,
  encryptJoinAccept,
  hexToBytes,
} from '../../src/index.js';
import type { DecodedDataFrame, DecodedFrame, FrameOptions } from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';

const ALL = loadVectors<MacVector[]>('mac.json');
const byId = (id: string): MacVector => {
  const v = ALL.find((x) => x.id === id);
  if (!v) throw new Error(`mac.json has no vector ${id}`);
  return v;
};
const s = (v: unknown): string => String(v);
const lower = (v: unknown): string => s(v).toLowerCase();
const frameOf = (v: MacVector): Uint8Array => hexToBytes(s(v.inputs.phypayload));
const data = (f: DecodedFrame): DecodedDataFrame => {
  if (f.type !== 'data') throw new Error(`expected a data frame, got ${f.type}`);
  return f;
};
/** The frame is its MIC-less message plus the MIC the source computed. */
const withMic = (v: MacVector): Uint8Array =>
  hexToBytes(s(v.inputs.msg_without_mic) + s(v.expected.mic));

describe('phypayload-decode vectors through decodeFrame (no keys)', () => {
  const cases = ALL.filter((v) => v.kind === 'phypayload-decode' && v.inputs.phypayload);
  it.each(cases.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const f = decodeFrame(frameOf(v));
    const e = v.expected;
    if (f.type === 'data') {
      if (e.devAddr !== undefined) expect(f.devAddr.toString(16).padStart(8, '0')).toBe(e.devAddr);
      if (e.mtype !== undefined) expect(f.mhdr.mType).toBe(e.mtype);
      if (e.fCnt !== undefined) expect(f.fCnt).toBe(e.fCnt);
      if (e.fOpts !== undefined) expect(bytesToHex(f.fOpts)).toBe(e.fOpts);
      if (e.fOptsLen !== undefined) expect(f.fCtrl.fOptsLen).toBe(e.fOptsLen);
      if (e.fPort !== undefined) expect(f.fPort).toBe(e.fPort);
      if (e.frmPayload !== undefined) expect(bytesToHex(f.frmPayload)).toBe(e.frmPayload);
      if (e.mic !== undefined) expect(bytesToHex(f.mic)).toBe(e.mic);
      for (const flag of ['adr', 'ack', 'fPending'] as const) {
        const got = (f.fCtrl as unknown as Record<string, unknown>)[flag];
        if (e[flag] !== undefined) expect(got).toBe(e[flag]);
      }
      expect(f.micValid).toBeUndefined();
      expect(f.payload).toBeUndefined();
    } else if (f.type === 'joinRequest') {
      expect(f.mType).toBe('JoinRequest');
      expect(f.joinEui).toBe(e.joinEUI);
      expect(f.devEui).toBe(e.devEUI);
      expect(f.devNonce).toBe(parseInt(s(e.devNonce), 16));
      expect(bytesToHex(f.mic)).toBe(e.mic);
    } else if (f.type === 'proprietary') {
      expect(f.mType).toBe('Proprietary');
      expect(bytesToHex(f.proprietaryPayload)).toBe('008b658839');
    } else {
      throw new Error(`unexpected ${f.type}`);
    }
  });

  it('lrwn-rejoin-type0-payload (MHDR c0 prepended, MIC zero)', () => {
    const v = byId('lrwn-rejoin-type0-payload');
    const f = decodeFrame(hexToBytes('c0' + s(v.inputs.macpayload) + '00000000'));
    if (f.type !== 'rejoinRequest') throw new Error(f.type);
    expect([f.rejoinType, f.netId, f.devEui, f.rjCount])
      .toEqual([0, '010203', '0102030405060708', 219]);
  });
});

describe('phypayload-malformed: ttn-malformed-inputs', () => {
  type Case = { phypayload: string; reason: string };
  const cases = byId('ttn-malformed-inputs').inputs.cases as Case[];
  it.each(cases.map((c) => [c.reason, c.phypayload] as const))('rejects %s', (_r, hex) => {
    expect(() => decodeFrame(hexToBytes(hex), { keys: { nwkSKey: '01'.repeat(16) } })).toThrow(
      LoireError,
    );
  });
});

describe('mic-data-1.0 vectors: micValid', () => {
  const cases = ALL.filter((v) => v.kind === 'mic-data-1.0' && v.inputs.phypayload);
  it.each(cases.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const keys: FrameOptions['keys'] = { nwkSKey: s(v.inputs.NwkSKey) };
    if (v.inputs.frmKey_role === 'AppSKey') keys.appSKey = s(v.inputs.frmKey);
    const f = data(decodeFrame(frameOf(v), { keys }));
    // The frame's MIC is valid exactly when it equals what the source computed.
    const expected = lower(v.expected.mic_calculated ?? v.expected.mic) === bytesToHex(f.mic);
    expect(f.micValid).toBe(v.expected.mic_valid ?? expected);
    expect(f.micValid).toBe(expected);
    if (v.expected.frmPayload_plaintext !== undefined) {
      expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
    }
  });

  it('br10-macs-in-fopts: LinkCheckReq and LinkADRAns read from clear FOpts', () => {
    const f = data(decodeFrame(frameOf(byId('br10-macs-in-fopts'))));
    expect(f.macCommands).toEqual([
      { cid: 2, name: 'LinkCheckReq', fields: {} },
      {
        cid: 3,
        name: 'LinkADRAns',
        fields: { powerAck: true, dataRateAck: false, chMaskAck: true },
      },
    ]);
  });

  it.each([['ttn-mic-legacy-up']])('%s (message + published MIC)', (id) => {
    const v = byId(id);
    const f = decodeFrame(withMic(v), { keys: { nwkSKey: s(v.inputs.key) } });
    expect(f.micValid).toBe(true);
  });
});

describe('decrypt-frmpayload vectors: payload', () => {
  const cases = ALL.filter((v) => v.kind === 'decrypt-frmpayload' && v.inputs.phypayload);
  it.each(cases.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const port0 = s(v.inputs.frmKey_role).startsWith('NwkSKey');
    const keys = port0 ? { nwkSKey: s(v.inputs.frmKey) } : { appSKey: s(v.inputs.frmKey) };
    const f = data(decodeFrame(frameOf(v), { keys }));
    expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
    if (v.expected.fCnt !== undefined) expect(f.fCnt).toBe(v.expected.fCnt);
    if (port0) {
      expect(f.micValid).toBe(true);
      expect(f.macCommands!.map((c) => c.name)).toEqual(['LinkCheckReq', 'LinkADRAns']);
    }
  });

  it('ttn-frm-encrypt-down: a built downlink carries the published ciphertext', () => {
    const v = byId('ttn-frm-encrypt-down');
    const key = s(v.inputs.key);
    const bytes = buildDataFrame(
      { uplink: false, devAddr: s(v.inputs.DevAddr_be), fCnt: 1, fPort: 1,
        payload: hexToBytes(s(v.inputs.plaintext)) },
      { keys: { nwkSKey: key, appSKey: key } },
    );
    expect(bytesToHex(data(decodeFrame(bytes)).frmPayload)).toBe(v.expected.ciphertext);
  });
});

describe('encode-data-1.0 vectors through buildDataFrame', () => {
  it('lp-encode-port0: FPort 0 payload encrypted with NwkSKey', () => {
    const v = byId('lp-encode-port0');
    const bytes = buildDataFrame(
      { uplink: true, devAddr: s(v.inputs.DevAddr_be), fCnt: 16, fPort: 0,
        payload: hexToBytes(s(v.inputs.FRMPayload_plaintext)) },
      { keys: { nwkSKey: s(v.inputs.NwkSKey) } },
    );
    expect(bytesToHex(bytes)).toBe(lower(v.expected.phypayload));
    const back = data(decodeFrame(bytes, { keys: { nwkSKey: s(v.inputs.NwkSKey) } }));
    expect(back.micValid).toBe(true);
    expect(back.macCommands).toEqual([{ cid: 2, name: 'LinkCheckReq', fields: {} }]);
  });

  it('br10-encode-confirmed-up: FOpts DevStatusAns, FPort 10', () => {
    const v = byId('br10-encode-confirmed-up');
    const keys = { nwkSKey: s(v.inputs.NwkSKey), appSKey: s(v.inputs.AppSKey) };
    const bytes = buildDataFrame(
      { uplink: true, confirmed: true, devAddr: s(v.inputs.DevAddr_be), fCnt: 0,
        fOpts: [{ cid: 6, name: 'DevStatusAns', fields: { battery: 115, margin: 7 } }],
        fPort: 10, payload: hexToBytes(s(v.inputs.FRMPayload_plaintext)) },
      { keys },
    );
    expect(bytesToHex(bytes)).toBe(v.expected.phypayload);
    const back = data(decodeFrame(bytes, { keys }));
    expect([back.mType, back.micValid, bytesToHex(back.payload!)]).toEqual([
      'ConfirmedDataUp', true, '01020304',
    ]);
  });
});

describe('join-request vectors', () => {
  const cases = ALL.filter((v) => v.kind === 'join-request' && v.inputs.phypayload);
  it.each(cases.map((v) => [v.id, v] as const))('%s: MIC, fields, rebuilt bytes', (_id, v) => {
    const lorawan = s(v.inputs.key_role).includes('1.1') ? '1.1' : '1.0';
    const keys = lorawan === '1.1' ? { nwkKey: s(v.inputs.key) } : { appKey: s(v.inputs.key) };
    const f = decodeFrame(frameOf(v), { keys, lorawan });
    if (f.type !== 'joinRequest') throw new Error(f.type);
    expect(f.micValid).toBe(true);
    expect(f.joinEui).toBe(v.expected.joinEUI);
    expect(f.devEui).toBe(v.expected.devEUI);
    expect(f.devNonce).toBe(parseInt(s(v.expected.devNonce), 16));
    const rebuilt = buildJoinRequest(f, { keys, lorawan });
    expect(bytesToHex(rebuilt)).toBe(lower(v.inputs.phypayload));
  });
});

describe('join-accept-1.0 vectors', () => {
  it('lpi10-join-accept-decrypt-keys: decrypted fields, CFList, MIC', () => {
    const v = byId('lpi10-join-accept-decrypt-keys');
    const f = decodeFrame(frameOf(v), { keys: { appKey: s(v.inputs.AppKey) } });
    if (f.type !== 'joinAccept') throw new Error(f.type);
    const e = v.expected;
    expect(f.decrypted).toBe(true);
    expect(f.micValid).toBe(true);
    expect(f.joinNonce).toBe(parseInt(s(e.AppNonce_be), 16));
    expect(f.netId).toBe(e.NetID_be);
    expect(f.devAddr!.toString(16)).toBe(e.DevAddr_be);
    expect(f.dlSettings).toEqual({ optNeg: false, rx1DrOffset: 0, rx2DataRate: 3 });
    expect(f.rxDelay).toBe(1);
    expect(bytesToHex(f.mic!)).toBe(lower(e.MIC));
    expect(f.cfList).toEqual({
      cfListType: 0,
      frequenciesHz: [867100000, 867300000, 867500000, 867700000, 867900000],
    });
  });

  it('lp-join-accept-mic-plaintext-1.0: encrypted by the crypto layer, read back', () => {
    const v = byId('lp-join-accept-mic-plaintext-1.0');
    const key = s(v.inputs.AppKey);
    const onAir = encryptJoinAccept(hexToBytes(key), hexToBytes(s(v.inputs.phypayload_plaintext)));
    const f = decodeFrame(onAir, { keys: { appKey: key } });
    if (f.type !== 'joinAccept') throw new Error(f.type);
    expect(f.micValid).toBe(true);
    expect([f.joinNonce, f.netId, devAddrToHex(f.devAddr!)]).toEqual([
      parseInt(s(v.expected.appNonce_be), 16), v.expected.netID_be, v.expected.devAddr_be,
    ]);
  });

  const built: [string, Parameters<typeof buildJoinAccept>[0], string, string][] = [
    ['lp-join-accept-zero-key', { joinNonce: 0, netId: 0, devAddr: 0, rxDelay: 0 }, 'AppKey',
      'encrypted_phypayload'],
    ['br-join-accept-1.0-send', { joinNonce: 65793, netId: '020202', devAddr: '01020304',
      rxDelay: 0 }, 'key', 'encrypted_phypayload'],
    ['ttn-join-accept-encrypt', { joinNonce: 0x010203, netId: '010203', devAddr: '01020304',
      rxDelay: 1 }, 'key', 'encrypted'],
  ];
  it.each(built)('%s: buildJoinAccept gives the published frame', (id, input, keyName, out) => {
    const v = byId(id);
    const key = s(v.inputs[keyName]);
    const bytes = buildJoinAccept(input, { keys: { appKey: key } });
    const want = s(v.expected[out]);
    expect(bytesToHex(bytes)).toBe(want.length === 32 ? '20' + want : want);
    const back = decodeFrame(bytes, { keys: { appKey: key } });
    expect(back.micValid).toBe(true);
  });

  it('ttn-join-accept-mic-legacy: the MIC inside the built frame', () => {
    const v = byId('ttn-join-accept-mic-legacy');
    const key = s(v.inputs.key);
    const bytes = buildJoinAccept(
      { joinNonce: 0x010203, netId: '010203', devAddr: '01020304', rxDelay: 1 },
      { keys: { appKey: key } },
    );
    const f = decodeFrame(bytes, { keys: { appKey: key } });
    if (f.type !== 'joinAccept') throw new Error(f.type);
    expect(bytesToHex(f.mic!)).toBe(v.expected.mic);
  });
});

describe('join-accept-1.1 vectors', () => {
  it('br-join-accept-1.1-send: OptNeg MIC over JoinReqType, JoinEUI, DevNonce', () => {
    const v = byId('br-join-accept-1.1-send');
    const key = s(v.inputs.key);
    const keys = { nwkKey: key, jsIntKey: key };
    const joinRequest = { joinEui: s(v.inputs.JoinEUI_be), devNonce: 258 };
    const bytes = buildJoinAccept(
      { joinNonce: 65793, netId: '020202', devAddr: '01020304', rxDelay: 0,
        dlSettings: { optNeg: true }, joinRequest },
      { keys, lorawan: '1.1' },
    );
    expect(bytesToHex(bytes)).toBe(v.expected.encrypted_phypayload);
    const f = decodeFrame(bytes, { keys, lorawan: '1.1', joinRequest });
    if (f.type !== 'joinAccept') throw new Error(f.type);
    expect([f.micValid, bytesToHex(f.mic!), f.dlSettings!.optNeg]).toEqual([
      true, v.expected.mic, true,
    ]);
    // Without the request the 1.1 MIC cannot be checked, so micValid is absent.
    expect(decodeFrame(bytes, { keys, lorawan: '1.1' }).micValid).toBeUndefined();
    // Another DevNonce: the MIC no longer matches.
    const other = { ...joinRequest, devNonce: 259 };
    expect(decodeFrame(bytes, { keys, lorawan: '1.1', joinRequest: other }).micValid).toBe(false);
  });
});

describe('mic-data-1.1 and fopts-encrypt-1.1 vectors', () => {
  it('lp-mic-data-up-1.1-a: full MIC with TxDr/TxCh, cmacF half without', () => {
    const v = byId('lp-mic-data-up-1.1-a');
    const keys = { fNwkSIntKey: s(v.inputs.FNwkSIntKey), sNwkSIntKey: s(v.inputs.SNwkSIntKey) };
    const full = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', txDr: 0, txCh: 1 }));
    expect([full.micValid, full.micChecked]).toEqual([true, 'full']);
    const wrongCh = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', txDr: 0, txCh: 2 }));
    expect(wrongCh.micValid).toBe(false);
    const half = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1' }));
    expect([half.micValid, half.micChecked]).toEqual([true, 'cmacF']);
  });

  it('lp-mic-data-up-1.1-rekeyind: FPort 0 with NwkSEncKey gives RekeyInd', () => {
    const v = byId('lp-mic-data-up-1.1-rekeyind');
    const keys = {
      fNwkSIntKey: s(v.inputs.FNwkSIntKey),
      sNwkSIntKey: s(v.inputs.SNwkSIntKey),
      nwkSEncKey: s(v.inputs.frmKey),
    };
    const f = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', txDr: 0, txCh: 1 }));
    expect(f.micValid).toBe(true);
    expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
    expect(f.macCommands).toEqual([{ cid: 11, name: 'RekeyInd', fields: { minor: 1 } }]);
  });

  it('br11-frmpayload-data: MIC (ACK unset, ConfFCnt ignored) and AppSKey payload', () => {
    const v = byId('br11-frmpayload-data');
    const i = v.inputs;
    const keys = {
      sNwkSIntKey: s(i.SNwkSIntKey), fNwkSIntKey: s(i.FNwkSIntKey),
      nwkSEncKey: s(i.NwkSEncKey), appSKey: s(i.frmKey),
    };
    const opts = { keys, lorawan: '1.1' as const, confFCnt: 1, txDr: 2, txCh: 3 };
    const f = data(decodeFrame(frameOf(v), opts));
    expect(f.micValid).toBe(true);
    expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
  });

  it('br11-macs-in-frmpayload: FPort 0 payload decrypted with the test key', () => {
    const v = byId('br11-macs-in-frmpayload');
    const i = v.inputs;
    const keys = {
      sNwkSIntKey: s(i.SNwkSIntKey), fNwkSIntKey: s(i.FNwkSIntKey), nwkSEncKey: s(i.frmKey),
    };
    const f = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', txDr: 2, txCh: 3 }));
    expect(f.micValid).toBe(true);
    expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
  });

  it('br11-down-mic-afcntdown-flag: downlink MIC with SNwkSIntKey', () => {
    const v = byId('br11-down-mic-afcntdown-flag');
    const keys = { sNwkSIntKey: s(v.inputs.SNwkSIntKey) };
    const f = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', confFCnt: 1 }));
    expect([f.micValid, bytesToHex(f.fOpts), f.fPort]).toEqual([true, '020701', 1]);
    // No NwkSEncKey: 1.1 FOpts stay unread.
    expect(f.macCommands).toBeUndefined();
  });

  it('ttn-mic-1.1-up-samekey (message + published MIC)', () => {
    const v = byId('ttn-mic-1.1-up-samekey');
    const keys = { sNwkSIntKey: s(v.inputs.SNwkSIntKey), fNwkSIntKey: s(v.inputs.FNwkSIntKey) };
    const f = decodeFrame(withMic(v), { keys, lorawan: '1.1', txDr: 0, txCh: 0, fCnt: 1 });
    expect(f.micValid).toBe(true);
  });

  it('br11-fopts-encrypted-nfcntdown: FOpts-only downlink, NFCntDown', () => {
    const v = byId('br11-fopts-encrypted-nfcntdown');
    const i = v.inputs;
    const keys = { sNwkSIntKey: s(i.SNwkSIntKey), nwkSEncKey: s(i.NwkSEncKey) };
    const f = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1', confFCnt: 1 }));
    expect(f.fPort).toBeNull();
    expect(f.micValid).toBe(true);
    expect(bytesToHex(f.fOptsDecrypted!)).toBe(v.expected.fOpts_plaintext);
    expect(f.macCommands).toEqual([
      { cid: 2, name: 'LinkCheckAns', fields: { margin: 7, gwCnt: 1 } },
    ]);
    expect(f.payload).toBeUndefined();
  });

  it('br11-encrypted-fopts-down: AFCntDown FOpts, AppSKey payload, rebuilt exactly', () => {
    const v = byId('br11-encrypted-fopts-down');
    const i = v.inputs;
    const keys = {
      sNwkSIntKey: s(i.SNwkSIntKey), nwkSEncKey: s(i.NwkSEncKey), appSKey: s(i.frmKey),
    };
    const f = data(decodeFrame(frameOf(v), { keys, lorawan: '1.1' }));
    expect(f.micValid).toBe(true);
    expect(bytesToHex(f.fOptsDecrypted!)).toBe(v.expected.fOpts_plaintext);
    expect(bytesToHex(f.payload!)).toBe(v.expected.frmPayload_plaintext);
    const rebuilt = buildDataFrame(
      { uplink: false, devAddr: f.devAddr, fCnt: f.fCnt, fCtrl: f.fCtrl,
        fOpts: f.fOptsDecrypted!, fPort: f.fPort, payload: f.payload! },
      { keys, lorawan: '1.1' },
    );
    expect(bytesToHex(rebuilt)).toBe(i.phypayload);
  });

  it('ttn-fopts-errata-up: built 1.1 uplink FOpts carry the published ciphertext', () => {
    const v = byId('ttn-fopts-errata-up');
    const k = s(v.inputs.NwkSEncKey);
    const keys = { nwkSEncKey: k, sNwkSIntKey: k, fNwkSIntKey: k };
    const bytes = buildDataFrame(
      { uplink: true, devAddr: s(v.inputs.DevAddr_be), fCnt: 1,
        fOpts: hexToBytes(s(v.inputs.plaintext)), txDr: 0, txCh: 0 },
      { keys, lorawan: '1.1' },
    );
    expect(bytesToHex(data(decodeFrame(bytes)).fOpts)).toBe(v.expected.ciphertext);
  });
});

describe('rejoin vectors', () => {
  const keysFor = (v: MacVector) =>
    s(v.inputs.key_role).startsWith('JSIntKey')
      ? { jsIntKey: s(v.inputs.key) }
      : { sNwkSIntKey: s(v.inputs.key) };

  it.each([['br-rejoin-type2'], ['br-rejoin-type1']])('%s: fields, MIC, rebuilt', (id) => {
    const v = byId(id);
    const keys = keysFor(v);
    const f = decodeFrame(frameOf(v), { keys, lorawan: '1.1' });
    if (f.type !== 'rejoinRequest') throw new Error(f.type);
    expect(f.micValid).toBe(true);
    expect([f.rejoinType, f.devEui, f.rjCount]).toEqual([
      v.expected.rejoinType, v.expected.devEUI, v.expected.rjCount0 ?? v.expected.rjCount1,
    ]);
    const rebuilt = buildRejoinRequest(f, { keys, lorawan: '1.1' });
    expect(bytesToHex(rebuilt)).toBe(v.inputs.phypayload);
  });

  it.each([['ttn-rejoin-type0-mic'], ['ttn-rejoin-type2-mic']])('%s (message + MIC)', (id) => {
    const v = byId(id);
    const f = decodeFrame(withMic(v), { keys: keysFor(v), lorawan: '1.1' });
    expect(f.micValid).toBe(true);
    expect(decodeFrame(withMic(v), { keys: { sNwkSIntKey: '00'.repeat(16) }, lorawan: '1.1' })
      .micValid).toBe(false);
  });
});
