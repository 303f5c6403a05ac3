/**
 * The device's frames, built and opened by the core: `src/mac` lays out the bytes and
 * `src/crypto` computes MICs, ciphers and session keys. Both sides of each exchange are here
 * (the device's and the network's), so that a simulated network, tests and the trace validator
 * build frames the same way.
 */
import { bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import {
  computeDownlinkMic10,
  computeDownlinkMic11,
  computeJoinAcceptMic10,
  computeJoinAcceptMic11,
  computeJoinRequestMic,
  computeUplinkMic10,
  computeUplinkMic11,
  createAes128,
  decryptFOpts,
  decryptFrmPayload,
  decryptJoinAccept,
  deriveJoinServerKeys,
  deriveSessionKeys10,
  deriveSessionKeys11,
  encryptFOpts,
  encryptFrmPayload,
  encryptJoinAccept,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyJoinAcceptMic10,
  verifyJoinAcceptMic11,
} from '../../src/crypto/index.js';
import type { Aes128 } from '../../src/crypto/index.js';
import {
  decodeDataFrame,
  decodeDecryptedJoinAccept,
  encodeDecryptedJoinAccept,
  encodePhyPayload,
  MType,
} from '../../src/mac/index.js';
import type { CfList, DownlinkDataFrame, Mhdr, MTypeValue } from '../../src/mac/index.js';

/** LoRaWAN version of a device: 1.0.x (one network key) or 1.1 (split keys). */
export type LorawanVersion = '1.0' | '1.1';

/** Session keys of an activated device, each expanded once (key once, frames many). */
export interface Session {
  version: LorawanVersion;
  devAddr: number;
  /** 1.0: NwkSKey in all three roles; 1.1: the three network session keys. */
  fNwkSIntKey: Aes128;
  sNwkSIntKey: Aes128;
  nwkSEncKey: Aes128;
  appSKey: Aes128;
}

/** Raw session keys, as ABP provisioning gives them. */
export interface SessionKeys {
  devAddr: number;
  /** 1.0.x */
  nwkSKey?: Uint8Array;
  /** 1.1 */
  fNwkSIntKey?: Uint8Array;
  sNwkSIntKey?: Uint8Array;
  nwkSEncKey?: Uint8Array;
  appSKey: Uint8Array;
}

/**
 * Expands session keys once.
 *
 * @throws {TypeError} when a key the version needs is missing
 */
export function createSession(version: LorawanVersion, keys: SessionKeys): Session {
  const need = (k: Uint8Array | undefined, name: string): Uint8Array => {
    if (!(k instanceof Uint8Array)) {
      throw new TypeError(`${name}: expected 16 bytes for LoRaWAN ${version}`);
    }
    return k;
  };
  if (version === '1.0') {
    const nwk = createAes128(need(keys.nwkSKey, 'nwkSKey'));
    return {
      version, devAddr: keys.devAddr, fNwkSIntKey: nwk, sNwkSIntKey: nwk, nwkSEncKey: nwk,
      appSKey: createAes128(need(keys.appSKey, 'appSKey')),
    };
  }
  return {
    version,
    devAddr: keys.devAddr,
    fNwkSIntKey: createAes128(need(keys.fNwkSIntKey, 'fNwkSIntKey')),
    sNwkSIntKey: createAes128(need(keys.sNwkSIntKey, 'sNwkSIntKey')),
    nwkSEncKey: createAes128(need(keys.nwkSEncKey, 'nwkSEncKey')),
    appSKey: createAes128(need(keys.appSKey, 'appSKey')),
  };
}

/** Root keys and identifiers of an OTAA device. EUIs are 16 hex digits, big-endian. */
export interface RootKeys {
  devEui: string;
  joinEui: string;
  appKey: Uint8Array;
  /** 1.1 only; LoRaWAN 1.0.x devices have AppKey alone. */
  nwkKey?: Uint8Array;
}

const MHDR = (mType: MTypeValue): Mhdr => ({
  mType,
  rfu: 0,
  major: 0,
});

/** Builds a Join-Request (TS001-1.0.4 §6.2.4); its MIC uses NwkKey in 1.1, AppKey in 1.0. */
export function buildJoinRequest(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
): Uint8Array {
  const bytes = encodePhyPayload({
    type: 'joinRequest',
    mhdr: MHDR(MType.JoinRequest),
    joinEui: root.joinEui,
    devEui: root.devEui,
    devNonce,
    mic: new Uint8Array(4),
  });
  const key = version === '1.1' ? root.nwkKey! : root.appKey;
  bytes.set(computeJoinRequestMic(key, bytes.subarray(0, 19)), 19);
  return bytes;
}

/** What a device learns from a valid Join-Accept. */
export interface JoinAcceptResult {
  session: Session;
  joinNonce: number;
  netId: number;
  optNeg: boolean;
  rx1DrOffset: number;
  rx2Dr: number;
  /** RxDelay in seconds (0 means 1). */
  rxDelayS: number;
  cfList?: CfList;
}

/**
 * Decrypts and checks a Join-Accept, then derives the session keys.
 *
 * @returns `undefined` when the frame is not a Join-Accept for this device (bad MIC, wrong
 *   length or type): a device silently ignores such frames.
 */
export function openJoinAccept(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
  phyPayload: Uint8Array,
): JoinAcceptResult | undefined {
  const length = phyPayload.length;
  if ((length !== 17 && length !== 33) || phyPayload[0]! >> 5 !== MType.JoinAccept) {
    return undefined;
  }
  const rootKey = version === '1.1' ? root.nwkKey! : root.appKey;
  const plain = decryptJoinAccept(rootKey, phyPayload);
  const ja = decodeDecryptedJoinAccept(plain);
  const message = plain.subarray(0, ja.micOffset);
  const p = ja.payload;
  const optNeg = version === '1.1' && p.dlSettings.optNeg;
  const joinEui = hexToBytes(root.joinEui);
  const ok = optNeg
    ? verifyJoinAcceptMic11(
        jsIntKey(root),
        { joinReqType: 0xff, joinEui, devNonce, message },
        ja.mic,
      )
    : verifyJoinAcceptMic10(rootKey, message, ja.mic);
  if (!ok) return undefined;
  const netId = parseInt(p.homeNetId, 16);
  let keys: SessionKeys;
  if (version === '1.0') {
    const joinNonce = p.joinNonce;
    const k = deriveSessionKeys10({ appKey: root.appKey, joinNonce, netId, devNonce });
    keys = { devAddr: p.devAddr, nwkSKey: k.nwkSKey, appSKey: k.appSKey };
  } else {
    const k = deriveSessionKeys11({
      nwkKey: root.nwkKey!,
      appKey: root.appKey,
      joinNonce: p.joinNonce,
      devNonce,
      joinEui,
      netId,
      optNeg,
    });
    keys = { devAddr: p.devAddr, ...k };
  }
  const result: JoinAcceptResult = {
    session: createSession(version, keys),
    joinNonce: p.joinNonce,
    netId,
    optNeg,
    rx1DrOffset: p.dlSettings.rx1DrOffset,
    rx2Dr: p.dlSettings.rx2DataRate,
    rxDelayS: p.rxDelay === 0 ? 1 : p.rxDelay,
  };
  if (p.cfList) result.cfList = p.cfList;
  return result;
}

/** Network side: the fields of a Join-Accept to build. */
export interface JoinAcceptSpec {
  joinNonce: number;
  netId: number;
  devAddr: number;
  rx1DrOffset?: number;
  rx2Dr?: number;
  rxDelayS?: number;
  /** 1.1 only: answer as a 1.1 network (default true for a 1.1 device). */
  optNeg?: boolean;
  cfList?: CfList;
}

/**
 * Network side: builds the encrypted Join-Accept answering `devNonce` (TS001-1.0.4 §6.2.5,
 * TS001-1.1 §6.2.3).
 */
export function buildJoinAccept(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
  spec: JoinAcceptSpec,
): Uint8Array {
  const optNeg = version === '1.1' && spec.optNeg !== false;
  const fields = {
    mhdr: MHDR(MType.JoinAccept),
    payload: {
      joinNonce: spec.joinNonce,
      homeNetId: spec.netId.toString(16).padStart(6, '0'),
      devAddr: spec.devAddr,
      dlSettings: { optNeg, rx1DrOffset: spec.rx1DrOffset ?? 0, rx2DataRate: spec.rx2Dr ?? 0 },
      rxDelay: spec.rxDelayS ?? 1,
      ...(spec.cfList ? { cfList: spec.cfList } : {}),
    },
    mic: new Uint8Array(4),
  };
  const plain = encodeDecryptedJoinAccept(fields);
  const message = plain.subarray(0, plain.length - 4);
  const rootKey = version === '1.1' ? root.nwkKey! : root.appKey;
  const mic = optNeg
    ? computeJoinAcceptMic11(jsIntKey(root), {
        joinReqType: 0xff,
        joinEui: hexToBytes(root.joinEui),
        devNonce,
        message,
      })
    : computeJoinAcceptMic10(rootKey, message);
  plain.set(mic, plain.length - 4);
  return encryptJoinAccept(rootKey, plain);
}

/** What goes into an uplink data frame. */
export interface UplinkSpec {
  confirmed: boolean;
  /** Full 32-bit FCntUp. */
  fCnt: number;
  adr: boolean;
  adrAckReq: boolean;
  /** Acknowledges the last confirmed downlink. */
  ack: boolean;
  /** MAC commands in clear (at most 15 bytes). */
  fOpts: Uint8Array;
  /** Absent for a frame without FPort. */
  fPort?: number;
  /** FRMPayload in clear. */
  frmPayload: Uint8Array;
  /** 1.1 MIC inputs: DR and channel index of this transmission, and the acknowledged FCnt. */
  txDr: number;
  txCh: number;
  confFCnt: number;
}

/** Builds and secures an uplink data frame (TS001-1.0.4 §4.3, TS001-1.1 §4.3-4.4). */
export function buildUplink(session: Session, spec: UplinkSpec): Uint8Array {
  const { devAddr } = session;
  const fPort = spec.fPort ?? null;
  // FPort 0 carries MAC commands, encrypted with the network key (TS001-1.0.4 §4.3.3).
  const payloadKey = fPort === 0 ? session.nwkSEncKey : session.appSKey;
  const frmPayload = spec.frmPayload.length > 0
    ? encryptFrmPayload(payloadKey, {
        direction: 'up',
        devAddr,
        fCnt: spec.fCnt,
        payload: spec.frmPayload,
      })
    : spec.frmPayload;
  const fOpts = session.version === '1.1' && spec.fOpts.length > 0
    ? encryptFOpts(session.nwkSEncKey, {
        direction: 'up',
        devAddr,
        fCnt: spec.fCnt,
        fOpts: spec.fOpts,
      })
    : spec.fOpts;
  const bytes = encodePhyPayload({
    type: 'data',
    mhdr: MHDR(spec.confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp),
    fhdr: {
      devAddr,
      fCtrl: {
        adr: spec.adr,
        adrAckReq: spec.adrAckReq,
        ack: spec.ack,
        classB: false,
        fOptsLen: fOpts.length,
      },
      fCnt: spec.fCnt & 0xffff,
      fOpts,
    },
    fPort,
    frmPayload,
    mic: new Uint8Array(4),
  });
  const message = bytes.subarray(0, bytes.length - 4);
  const mic = session.version === '1.1'
    ? computeUplinkMic11(session.sNwkSIntKey, session.fNwkSIntKey, {
        devAddr,
        fCnt: spec.fCnt,
        message,
        confFCnt: spec.ack ? spec.confFCnt : 0,
        txDr: spec.txDr,
        txCh: spec.txCh,
      })
    : computeUplinkMic10(session.fNwkSIntKey, { devAddr, fCnt: spec.fCnt, message });
  bytes.set(mic, bytes.length - 4);
  return bytes;
}

/** A downlink as the device reads it after checks. */
export interface OpenedDownlink {
  confirmed: boolean;
  ack: boolean;
  fPending: boolean;
  adr: boolean;
  /** Full 32-bit counter the MIC matched. */
  fCnt: number;
  /** MAC commands in clear: FOpts, or the FRMPayload of an FPort 0 frame. */
  macCommands: Uint8Array;
  fPort: number | null;
  /** Application payload in clear (empty for FPort 0 or none). */
  frmPayload: Uint8Array;
}

/**
 * Checks and decrypts a downlink for `session`. The 32-bit counter is the one just above
 * `lastFCnt` whose low 16 bits match (TS001-1.0.4 §4.3.1.5).
 *
 * @param lastFCnt the last downlink counter accepted (-1 before any)
 * @param confFCnt 1.1: the counter of the confirmed uplink this downlink may acknowledge
 * @returns `undefined` for a frame not for this device or with a bad MIC, which a device drops
 */
export function openDownlink(
  session: Session,
  phyPayload: Uint8Array,
  lastFCnt: number,
  confFCnt: number,
): OpenedDownlink | undefined {
  let f: DownlinkDataFrame;
  try {
    const d = decodeDataFrame(phyPayload);
    if (d.uplink) return undefined;
    f = d;
  } catch {
    return undefined;
  }
  const { devAddr } = session;
  if (f.fhdr.devAddr !== session.devAddr) return undefined;
  const next = lastFCnt + 1;
  let fCnt = (next & ~0xffff) + f.fhdr.fCnt;
  if (fCnt < next) fCnt += 0x10000;
  if (fCnt > 0xffffffff) return undefined;
  const message = phyPayload.subarray(0, f.micOffset);
  const ok = session.version === '1.1'
    ? verifyDownlinkMic11(
        session.sNwkSIntKey,
        { devAddr, fCnt, message, confFCnt: f.fhdr.fCtrl.ack ? confFCnt : 0 },
        f.mic,
      )
    : verifyDownlinkMic10(session.sNwkSIntKey, { devAddr, fCnt, message }, f.mic);
  if (!ok) return undefined;
  let macCommands: Uint8Array = f.fhdr.fOpts;
  if (session.version === '1.1' && macCommands.length > 0) {
    macCommands = decryptFOpts(session.nwkSEncKey, {
      direction: 'down',
      devAddr,
      fCnt,
      fOpts: macCommands,
      aFCntDown: f.fPort !== null && f.fPort > 0,
    });
  }
  let frmPayload = f.frmPayload;
  if (frmPayload.length > 0) {
    const key = f.fPort === 0 ? session.nwkSEncKey : session.appSKey;
    frmPayload = decryptFrmPayload(key, { direction: 'down', devAddr, fCnt, payload: frmPayload });
  }
  if (f.fPort === 0) {
    macCommands = frmPayload;
    frmPayload = new Uint8Array(0);
  }
  return {
    confirmed: f.confirmed,
    ack: f.fhdr.fCtrl.ack,
    fPending: f.fhdr.fCtrl.fPending,
    adr: f.fhdr.fCtrl.adr,
    fCnt,
    macCommands,
    fPort: f.fPort,
    frmPayload,
  };
}

/** Network side: what goes into a downlink. */
export interface DownlinkSpec {
  confirmed?: boolean;
  fCnt: number;
  ack?: boolean;
  fPending?: boolean;
  adr?: boolean;
  /** MAC commands in clear, sent in FOpts (at most 15 bytes). */
  fOpts?: Uint8Array;
  fPort?: number;
  frmPayload?: Uint8Array;
  /** 1.1: FCnt of the confirmed uplink acknowledged. */
  confFCnt?: number;
}

/** Network side: builds and secures a downlink data frame. */
export function buildDownlink(session: Session, spec: DownlinkSpec): Uint8Array {
  const { devAddr } = session;
  const fPort = spec.fPort ?? null;
  const clear = spec.frmPayload ?? new Uint8Array(0);
  const key = fPort === 0 ? session.nwkSEncKey : session.appSKey;
  const frmPayload = clear.length > 0
    ? encryptFrmPayload(key, { direction: 'down', devAddr, fCnt: spec.fCnt, payload: clear })
    : clear;
  let fOpts = spec.fOpts ?? new Uint8Array(0);
  if (session.version === '1.1' && fOpts.length > 0) {
    fOpts = encryptFOpts(session.nwkSEncKey, {
      direction: 'down', devAddr, fCnt: spec.fCnt, fOpts, aFCntDown: fPort !== null && fPort > 0,
    });
  }
  const bytes = encodePhyPayload({
    type: 'data',
    mhdr: MHDR(spec.confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown),
    fhdr: {
      devAddr,
      fCtrl: {
        adr: spec.adr ?? false,
        rfu: false,
        ack: spec.ack ?? false,
        fPending: spec.fPending ?? false,
        fOptsLen: fOpts.length,
      },
      fCnt: spec.fCnt & 0xffff,
      fOpts,
    },
    fPort,
    frmPayload,
    mic: new Uint8Array(4),
  });
  const message = bytes.subarray(0, bytes.length - 4);
  const mic = session.version === '1.1'
    ? computeDownlinkMic11(session.sNwkSIntKey, {
        devAddr, fCnt: spec.fCnt, message, confFCnt: spec.ack ? spec.confFCnt ?? 0 : 0,
      })
    : computeDownlinkMic10(session.sNwkSIntKey, { devAddr, fCnt: spec.fCnt, message });
  bytes.set(mic, bytes.length - 4);
  return bytes;
}

/** JSIntKey of a 1.1 device (TS001-1.1 §6.1.1.3). */
function jsIntKey(root: RootKeys): Uint8Array {
  return deriveJoinServerKeys({ nwkKey: root.nwkKey!, devEui: root.devEui }).jsIntKey;
}

/** Lowercase hex of a frame, for traces. */
export const frameHex = bytesToHex;
