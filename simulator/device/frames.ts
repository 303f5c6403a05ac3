/**
 * The device's frames, both sides of each exchange (the device's and the network's), so that a
 * simulated network, tests and the trace validator build frames the same way. Laying out,
 * encrypting, signing, decrypting and checking frames is done in one place, the core's frame
 * layer (`src/frame`: `createSession`, `buildDataFrame`, `decode`, `buildJoinAccept`...); this
 * file adapts it to the simulator's device state and adds the session key derivation of a join.
 */
import { bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import { checkKey16 } from '../../src/crypto/aes.js';
import {
  createAes128,
  deriveSessionKeys10,
  deriveSessionKeys11,
} from '../../src/crypto/index.js';
import type { Aes128 } from '../../src/crypto/index.js';
import { createSession as createFrameSession } from '../../src/frame/index.js';
import type { FrameKeys, FrameSession } from '../../src/frame/index.js';
import type { CfList } from '../../src/mac/index.js';

/** LoRaWAN version of a device: 1.0.x (one network key) or 1.1 (split keys). */
export type LorawanVersion = '1.0' | '1.1';

/**
 * Session keys of an activated device, each expanded once, on first use (key once, frames
 * many).
 */
export interface Session {
  version: LorawanVersion;
  devAddr: number;
  /** 1.0: NwkSKey in all three roles; 1.1: the three network session keys. */
  fNwkSIntKey: Aes128;
  sNwkSIntKey: Aes128;
  nwkSEncKey: Aes128;
  appSKey: Aes128;
  /** The same keys as a core frame session, which builds and opens this device's frames. */
  frames: FrameSession;
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
 * Checks session keys and expands each the first time it is used, once.
 *
 * A key is expanded on first use rather than here because the two sides use different
 * halves: a device builds and opens frames through `frames` alone, while a network server
 * checks uplinks with the separate keys and builds downlinks through `frames`; and a join
 * server makes a session for every Join-Request, including those whose Join-Accept never
 * arrives. The keys are copied, so later changes to the given arrays do not reach the session.
 *
 * @throws {TypeError} when a key the version needs is missing
 * @throws {RangeError} when a key is not 16 bytes long
 * @example
 * ```ts
 * const s = createDeviceSession('1.0', { devAddr: 0x26011234, nwkSKey, appSKey });
 * buildUplink(s, spec); // expands NwkSKey and AppSKey for frames, once
 * ```
 */
export function createDeviceSession(version: LorawanVersion, keys: SessionKeys): Session {
  const need = (k: Uint8Array | undefined, name: string): Uint8Array => {
    if (!(k instanceof Uint8Array)) {
      throw new TypeError(`${name}: expected 16 bytes for LoRaWAN ${version}`);
    }
    checkKey16(k, name);
    return k.slice();
  };
  const appSKey = need(keys.appSKey, 'appSKey');
  if (version === '1.0') {
    const nwkSKey = need(keys.nwkSKey, 'nwkSKey');
    return new LazySession(version, keys.devAddr, nwkSKey, nwkSKey, nwkSKey, appSKey);
  }
  return new LazySession(version, keys.devAddr, need(keys.fNwkSIntKey, 'fNwkSIntKey'),
    need(keys.sNwkSIntKey, 'sNwkSIntKey'), need(keys.nwkSEncKey, 'nwkSEncKey'), appSKey);
}

/** A {@link Session} whose keys are expanded on first use (see createDeviceSession). */
class LazySession implements Session {
  private fNwk: Aes128 | undefined;
  private sNwk: Aes128 | undefined;
  private nwkEnc: Aes128 | undefined;
  private app: Aes128 | undefined;
  private frameSession: FrameSession | undefined;

  constructor(
    readonly version: LorawanVersion,
    readonly devAddr: number,
    // 1.0: the same NwkSKey array three times; its expansion then serves the three roles.
    private readonly fNwkSIntKeyBytes: Uint8Array,
    private readonly sNwkSIntKeyBytes: Uint8Array,
    private readonly nwkSEncKeyBytes: Uint8Array,
    private readonly appSKeyBytes: Uint8Array,
  ) {}

  get fNwkSIntKey(): Aes128 {
    this.fNwk ??= createAes128(this.fNwkSIntKeyBytes);
    return this.fNwk;
  }

  get sNwkSIntKey(): Aes128 {
    if (this.version === '1.0') return this.fNwkSIntKey;
    this.sNwk ??= createAes128(this.sNwkSIntKeyBytes);
    return this.sNwk;
  }

  get nwkSEncKey(): Aes128 {
    if (this.version === '1.0') return this.fNwkSIntKey;
    this.nwkEnc ??= createAes128(this.nwkSEncKeyBytes);
    return this.nwkEnc;
  }

  get appSKey(): Aes128 {
    this.app ??= createAes128(this.appSKeyBytes);
    return this.app;
  }

  get frames(): FrameSession {
    this.frameSession ??= this.version === '1.0'
      ? createFrameSession({ nwkSKey: this.fNwkSIntKeyBytes, appSKey: this.appSKeyBytes },
        { lorawan: '1.0' })
      : createFrameSession({ fNwkSIntKey: this.fNwkSIntKeyBytes,
        sNwkSIntKey: this.sNwkSIntKeyBytes, nwkSEncKey: this.nwkSEncKeyBytes,
        appSKey: this.appSKeyBytes }, { lorawan: '1.1' });
    return this.frameSession;
  }
}

/** Root keys and identifiers of an OTAA device. EUIs are 16 hex digits, big-endian. */
export interface RootKeys {
  devEui: string;
  joinEui: string;
  appKey: Uint8Array;
  /** 1.1 only; LoRaWAN 1.0.x devices have AppKey alone. */
  nwkKey?: Uint8Array;
}

/**
 * The frame session of a device's root key (AppKey in 1.0.x, NwkKey in 1.1), expanded once:
 * pass it to the join functions below for every Join-Request and Join-Accept of the device
 * rather than have each call expand the key again.
 *
 * @throws {TypeError} when the root key the version needs is missing or not 16 bytes
 * @example
 * ```ts
 * const rootFrames = createRootSession('1.0', root);
 * const jr = buildDeviceJoinRequest('1.0', root, 7, rootFrames);
 * ```
 */
export function createRootSession(version: LorawanVersion, root: RootKeys): FrameSession {
  // Said here rather than at the first Join-Request, where the core would report a missing
  // key as bad data (LoireError).
  const name = version === '1.1' ? 'nwkKey' : 'appKey';
  const key = version === '1.1' ? root.nwkKey : root.appKey;
  if (key === undefined) throw new TypeError(`${name}: expected 16 bytes for LoRaWAN ${version}`);
  const keys: FrameKeys = version === '1.1' ? { nwkKey: key } : { appKey: key };
  return createFrameSession(keys, { lorawan: version });
}

/**
 * Builds a Join-Request (TS001-1.0.4 §6.2.4); its MIC uses NwkKey in 1.1, AppKey in 1.0.
 *
 * @param rootFrames the same keys from {@link createRootSession}, if already expanded
 */
export function buildDeviceJoinRequest(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
  rootFrames: FrameSession = createRootSession(version, root),
): Uint8Array {
  return rootFrames.buildJoinRequest({
    joinEui: root.joinEui,
    devEui: root.devEui,
    devNonce,
  });
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
 * @param rootFrames the root key from {@link createRootSession}, if already expanded
 * @returns `undefined` when the frame is not a Join-Accept for this device (bad MIC, wrong
 *   length or type): a device silently ignores such frames.
 */
export function openJoinAccept(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
  phyPayload: Uint8Array,
  rootFrames?: FrameSession,
): JoinAcceptResult | undefined {
  // JSIntKey (1.1 with OptNeg) is derived from NwkKey and the DevEUI (TS001-1.1 §6.1.1.3).
  const joinRequest = { joinEui: root.joinEui, devNonce, devEui: root.devEui };
  let f;
  try {
    f = (rootFrames ?? createRootSession(version, root)).decode(phyPayload, { joinRequest });
  } catch {
    return undefined;
  }
  if (f.type !== 'joinAccept' || !f.decrypted || f.micValid !== true) return undefined;
  const p = {
    joinNonce: f.joinNonce!,
    homeNetId: f.netId!,
    devAddr: f.devAddr!,
    dlSettings: f.dlSettings!,
    rxDelay: f.rxDelay!,
    cfList: f.cfList,
  };
  const optNeg = version === '1.1' && p.dlSettings.optNeg;
  const joinEui = hexToBytes(root.joinEui);
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
    session: createDeviceSession(version, keys),
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
 *
 * @param rootFrames the root key from {@link createRootSession}, if already expanded
 */
export function buildDeviceJoinAccept(
  version: LorawanVersion,
  root: RootKeys,
  devNonce: number,
  spec: JoinAcceptSpec,
  rootFrames: FrameSession = createRootSession(version, root),
): Uint8Array {
  const optNeg = version === '1.1' && spec.optNeg !== false;
  return rootFrames.buildJoinAccept({
    joinNonce: spec.joinNonce,
    netId: spec.netId,
    devAddr: spec.devAddr,
    dlSettings: { optNeg, rx1DrOffset: spec.rx1DrOffset ?? 0, rx2DataRate: spec.rx2Dr ?? 0 },
    rxDelay: spec.rxDelayS ?? 1,
    ...(spec.cfList ? { cfList: spec.cfList } : {}),
    joinRequest: { joinEui: root.joinEui, devNonce, devEui: root.devEui },
  });
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
  return session.frames.buildDataFrame({
    uplink: true,
    confirmed: spec.confirmed,
    devAddr: session.devAddr,
    fCnt: spec.fCnt,
    fCtrl: { adr: spec.adr, adrAckReq: spec.adrAckReq, ack: spec.ack },
    fOpts: spec.fOpts,
    fPort: spec.fPort ?? null,
    payload: spec.frmPayload,
    confFCnt: spec.ack ? spec.confFCnt : 0,
    txDr: spec.txDr,
    txCh: spec.txCh,
  });
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
  // The counter is the first at or after lastFCnt + 1 with the frame's 16 low bits
  // (TS001-1.0.4 §4.3.1.5); a repeat of lastFCnt is a replay and is dropped.
  const next = lastFCnt + 1;
  if (next > 0xffffffff) return undefined;
  let f;
  try {
    // The device splits MAC commands itself, keeping those before a truncated one.
    f = session.frames.decode(phyPayload, { fCnt: next, confFCnt, parseMacCommands: false });
  } catch {
    return undefined;
  }
  if (f.type !== 'data' || f.uplink || f.devAddr !== session.devAddr) return undefined;
  if (f.fCnt < next || f.micValid !== true) return undefined;
  const app = f.fPort !== null && f.fPort > 0;
  return {
    confirmed: f.confirmed,
    ack: f.fCtrl.ack,
    fPending: 'fPending' in f.fCtrl && f.fCtrl.fPending,
    adr: f.fCtrl.adr,
    fCnt: f.fCnt,
    macCommands: f.fPort === 0 ? f.payload! : f.fOptsDecrypted ?? f.fOpts,
    fPort: f.fPort,
    frmPayload: app ? f.payload! : new Uint8Array(0),
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
  const ack = spec.ack ?? false;
  return session.frames.buildDataFrame({
    uplink: false,
    confirmed: spec.confirmed ?? false,
    devAddr: session.devAddr,
    fCnt: spec.fCnt,
    fCtrl: { adr: spec.adr ?? false, ack, fPending: spec.fPending ?? false },
    fOpts: spec.fOpts ?? new Uint8Array(0),
    fPort: spec.fPort ?? null,
    payload: spec.frmPayload ?? new Uint8Array(0),
    confFCnt: ack ? spec.confFCnt ?? 0 : 0,
  });
}

/** Lowercase hex of a frame, for traces. */
export const frameHex = bytesToHex;
