/**
 * The builders behind `encodeFrame`, `buildDataFrame`, `buildJoinRequest`, `buildJoinAccept`
 * and `buildRejoinRequest`: fields in clear in, a frame ready for the air out, encrypted and
 * signed with the session's expanded keys. Layout comes from `src/mac`, crypto from
 * `src/crypto`; nothing is re-implemented here.
 * @internal
 */
import { LoireError } from '../errors.js';
import type { Cmac } from '../crypto/cmac.js';
import { encryptFOpts } from '../crypto/fopts.js';
import { encryptFrmPayload } from '../crypto/frm-payload.js';
import { encryptJoinAccept } from '../crypto/join-accept-cipher.js';
import {
  computeDownlinkMic10,
  computeDownlinkMic11,
  computeUplinkMic10,
  computeUplinkMic11,
} from '../crypto/mic-data.js';
import {
  computeJoinAcceptMic10,
  computeJoinAcceptMic11,
  computeJoinRequestMic,
  computeRejoinRequestMic,
} from '../crypto/mic-join.js';
import { encodeMacCommands, type MacCommand } from '../mac/mac-commands/mac-command.js';
import type { FCtrlDownlink, FCtrlUplink } from '../mac/fctrl.js';
import { encodeDecryptedJoinAccept } from '../mac/join-accept.js';
import { encodeJoinRequest } from '../mac/join-request.js';
import { MType, type Mhdr, type MTypeValue } from '../mac/mhdr.js';
import { encodeDataFrame, type DataFrameFields } from '../mac/phy-payload.js';
import { encodeRejoinRequest } from '../mac/rejoin-request.js';
import type {
  DataFrameInput,
  FCtrlFlags,
  JoinAcceptInput,
  JoinRequestInput,
  RejoinRequestInput,
} from './build-types.js';
import type { ExpandedKeys, LorawanVersion } from './keys.js';
import { joinServerKeys } from './join-server-keys.js';
import { optionalUint } from './options.js';

const NO_MIC = new Uint8Array(4);
const EMPTY: Uint8Array = new Uint8Array(0);

function mhdr(mType: MTypeValue): Mhdr {
  return { mType, rfu: 0, major: 0 };
}

function needKey(key: Cmac | undefined, name: string, purpose: string): Cmac {
  if (key === undefined) {
    throw new LoireError('MISSING_KEY', `keys.${name}: needed to ${purpose}`, { field: name });
  }
  return key;
}

function uint(value: unknown, name: string, bits: number): number {
  const v = optionalUint(value, name, bits);
  if (v === undefined) throw new TypeError(`${name}: missing`);
  return v;
}

/** DevAddr from a number or 8 hex digits (big-endian, as people write it). */
function devAddrOf(value: unknown): number {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{8}$/.test(value)) {
      throw new RangeError(`devAddr: expected 8 hex digits, got '${value}'`);
    }
    return parseInt(value, 16);
  }
  return uint(value, 'devAddr', 32);
}

function bytesOrCommands(value: unknown, name: string): Uint8Array {
  if (value === undefined) return EMPTY;
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return encodeMacCommands(value as MacCommand[]);
  throw new TypeError(`${name}: expected a Uint8Array or an array of MAC commands`);
}

/** Flags of the other direction are refused rather than dropped. */
function fCtrlOf(
  flags: FCtrlFlags | undefined,
  uplink: boolean,
  fOptsLen: number,
): FCtrlUplink | FCtrlDownlink {
  const f = flags ?? {};
  const wrong = uplink ? (['fPending', 'rfu'] as const) : (['adrAckReq', 'classB'] as const);
  for (const name of wrong) {
    if (f[name] === true) {
      const dir = uplink ? 'an uplink' : 'a downlink';
      throw new RangeError(`fCtrl.${name}: not a flag of ${dir} (TS001-1.0.4 §4.3.1)`);
    }
  }
  return uplink
    ? {
        adr: f.adr === true,
        adrAckReq: f.adrAckReq === true,
        ack: f.ack === true,
        classB: f.classB === true,
        fOptsLen,
      }
    : {
        adr: f.adr === true,
        rfu: f.rfu === true,
        ack: f.ack === true,
        fPending: f.fPending === true,
        fOptsLen,
      };
}

/**
 * Builds, encrypts and signs a data frame.
 * @internal
 */
export function buildData(
  input: DataFrameInput,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
): Uint8Array {
  if (input === null || typeof input !== 'object') {
    throw new TypeError('input: expected an object');
  }
  if (typeof input.uplink !== 'boolean') throw new TypeError('uplink: expected a boolean');
  const uplink = input.uplink;
  const devAddr = devAddrOf(input.devAddr);
  const fCnt = uint(input.fCnt, 'fCnt', 32);
  const fPort = input.fPort ?? null;
  if (fPort !== null) uint(fPort, 'fPort', 8);
  let fOpts = bytesOrCommands(input.fOpts, 'fOpts');
  const clear = bytesOrCommands(input.payload, 'payload');
  if (fOpts.length > 15) throw new RangeError(`fOpts: at most 15 bytes, got ${fOpts.length}`);
  if (fPort === null && clear.length > 0) {
    throw new RangeError('fPort: required when payload is not empty (TS001-1.0.4 §4.3.2)');
  }
  if (fPort === 0 && fOpts.length > 0) {
    throw new RangeError('fOpts: must be empty on FPort 0 (TS001-1.0.4 §4.3.1.6)');
  }
  const direction = uplink ? 'up' : 'down';

  // FRMPayload: AppSKey on FPort 1..255, the network key on FPort 0 (TS001-1.0.4 §4.3.3).
  let frmPayload: Uint8Array = EMPTY;
  if (clear.length > 0) {
    const key = fPort === 0
      ? needKey(keys.nwkSEncKey, lorawan === '1.0' ? 'nwkSKey' : 'nwkSEncKey', 'encrypt FPort 0')
      : needKey(keys.appSKey, 'appSKey', `encrypt FPort ${fPort}`);
    frmPayload = encryptFrmPayload(key, { direction, devAddr, fCnt, payload: clear });
  }

  // 1.1 FOpts are encrypted with NwkSEncKey (TS001-1.1 §4.3.1.6, errata block layout).
  if (lorawan === '1.1' && fOpts.length > 0) {
    const key = needKey(keys.nwkSEncKey, 'nwkSEncKey', 'encrypt FOpts');
    const aFCntDown = !uplink && fPort !== null && fPort > 0;
    fOpts = encryptFOpts(key, { direction, devAddr, fCnt, fOpts, aFCntDown });
  }

  const confirmed = input.confirmed === true;
  const mType = uplink
    ? confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp
    : confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown;
  const fCtrl = fCtrlOf(input.fCtrl, uplink, fOpts.length);
  const bytes = encodeDataFrame({
    type: 'data',
    mhdr: mhdr(mType),
    fhdr: { devAddr, fCtrl, fCnt: fCnt & 0xffff, fOpts } as DataFrameFields['fhdr'],
    fPort,
    frmPayload,
    mic: NO_MIC,
  });

  const message = bytes.subarray(0, bytes.length - 4);
  const base = { devAddr, fCnt, message };
  let mic: Uint8Array;
  if (lorawan === '1.0') {
    const k = needKey(keys.sNwkSIntKey, 'nwkSKey', 'compute the MIC');
    mic = uplink ? computeUplinkMic10(k, base) : computeDownlinkMic10(k, base);
  } else {
    const confFCnt = optionalUint(input.confFCnt, 'confFCnt', 32) ?? 0;
    const s = needKey(keys.sNwkSIntKey, 'sNwkSIntKey', 'compute the MIC');
    if (uplink) {
      const f = needKey(keys.fNwkSIntKey, 'fNwkSIntKey', 'compute the MIC');
      const txDr = uint(input.txDr, 'txDr', 8);
      const txCh = uint(input.txCh, 'txCh', 8);
      mic = computeUplinkMic11(s, f, { ...base, confFCnt, txDr, txCh });
    } else {
      mic = computeDownlinkMic11(s, { ...base, confFCnt });
    }
  }
  bytes.set(mic, bytes.length - 4);
  return bytes;
}

/**
 * Builds and signs a Join-Request: AppKey in 1.0.x, NwkKey in 1.1 (TS001-1.0.4 §6.2.5,
 * TS001-1.1 §6.2.2).
 * @internal
 */
export function buildJoinReq(
  input: JoinRequestInput,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
): Uint8Array {
  const name = lorawan === '1.0' ? 'appKey' : 'nwkKey';
  const key = needKey(keys.rootKey, name, 'sign a Join-Request');
  const bytes = encodeJoinRequest({
    type: 'joinRequest',
    mhdr: mhdr(MType.JoinRequest),
    joinEui: input.joinEui,
    devEui: input.devEui,
    devNonce: input.devNonce,
    mic: NO_MIC,
  });
  bytes.set(computeJoinRequestMic(key, bytes.subarray(0, 19)), 19);
  return bytes;
}

function netIdHex(value: unknown): string {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{6}$/.test(value)) {
      throw new RangeError(`netId: expected 6 hex digits, got '${value}'`);
    }
    return value.toLowerCase();
  }
  return uint(value, 'netId', 24).toString(16).padStart(6, '0');
}

/**
 * Builds, signs and encrypts a Join-Accept (TS001-1.0.4 §6.2.6, TS001-1.1 §6.2.3).
 * @internal
 */
export function buildJoinAcc(
  input: JoinAcceptInput,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
): Uint8Array {
  const dl = input.dlSettings ?? {};
  const optNeg = dl.optNeg ?? lorawan === '1.1';
  if (optNeg && lorawan === '1.0') {
    throw new RangeError("dlSettings.optNeg: a LoRaWAN 1.0 network leaves it unset; use '1.1'");
  }
  const plain = encodeDecryptedJoinAccept({
    mhdr: mhdr(MType.JoinAccept),
    payload: {
      joinNonce: uint(input.joinNonce, 'joinNonce', 24),
      homeNetId: netIdHex(input.netId),
      devAddr: devAddrOf(input.devAddr),
      dlSettings: { optNeg, rx1DrOffset: dl.rx1DrOffset ?? 0, rx2DataRate: dl.rx2DataRate ?? 0 },
      rxDelay: input.rxDelay ?? 1,
      ...(input.cfList !== undefined ? { cfList: input.cfList } : {}),
    },
    mic: NO_MIC,
  });
  const message = plain.subarray(0, plain.length - 4);
  const rootName = lorawan === '1.0' ? 'appKey' : 'nwkKey';
  const req = input.joinRequest;
  const joinReqType = req?.joinReqType ?? 0xff;
  let mic: Uint8Array;
  let cipherKey: Cmac;
  if (optNeg) {
    if (req === undefined) {
      throw new TypeError('joinRequest: needed for a 1.1 Join-Accept with OptNeg (its MIC)');
    }
    const js = joinServerKeys(keys, req);
    const jsIntKey = needKey(js.jsIntKey, 'jsIntKey', 'sign (or joinRequest.devEui with nwkKey)');
    mic = computeJoinAcceptMic11(jsIntKey, {
      joinReqType,
      joinEui: req.joinEui,
      devNonce: req.devNonce,
      message,
    });
    // Answers to a Join-Request use NwkKey, answers to a Rejoin-Request JSEncKey (§6.2.3).
    cipherKey = joinReqType === 0xff
      ? needKey(keys.rootKey, rootName, 'encrypt a Join-Accept')
      : needKey(js.jsEncKey, 'jsEncKey', 'encrypt a Join-Accept answering a rejoin');
  } else {
    cipherKey = needKey(keys.rootKey, rootName, 'sign and encrypt a Join-Accept');
    mic = computeJoinAcceptMic10(cipherKey, message);
  }
  plain.set(mic, plain.length - 4);
  return encryptJoinAccept(cipherKey, plain, plain);
}

/**
 * Builds and signs a Rejoin-Request (TS001-1.1 §6.2.4): SNwkSIntKey for types 0 and 2,
 * JSIntKey for type 1.
 * @internal
 */
export function buildRejoin(
  input: RejoinRequestInput,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
): Uint8Array {
  if (lorawan !== '1.1') {
    throw new RangeError("rejoinRequest: LoRaWAN 1.1 only; pass lorawan '1.1'");
  }
  const rjCount = uint(input.rjCount, 'rjCount', 16);
  const common = { type: 'rejoinRequest' as const, mhdr: mhdr(MType.RejoinRequest), mic: NO_MIC };
  const type = input.rejoinType;
  let bytes: Uint8Array;
  let key: Cmac;
  if (type === 1) {
    key = needKey(keys.jsIntKey, 'jsIntKey', 'sign a type 1 Rejoin-Request');
    bytes = encodeRejoinRequest({
      ...common,
      rejoinType: 1,
      joinEui: input.joinEui ?? '',
      devEui: input.devEui,
      rjCount1: rjCount,
    });
  } else if (type === 0 || type === 2) {
    key = needKey(keys.sNwkSIntKey, 'sNwkSIntKey', `sign a type ${type} Rejoin-Request`);
    bytes = encodeRejoinRequest({
      ...common,
      rejoinType: type,
      netId: input.netId ?? '',
      devEui: input.devEui,
      rjCount0: rjCount,
    });
  } else {
    throw new RangeError(`rejoinType: expected 0, 1 or 2, got ${String(type)}`);
  }
  const at = bytes.length - 4;
  bytes.set(computeRejoinRequestMic(key, bytes.subarray(0, at)), at);
  return bytes;
}
