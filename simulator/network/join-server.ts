/**
 * A join server: it knows each device's root keys, checks a Join-Request's MIC, refuses a
 * DevNonce that does not increase (TS001-1.0.4 §6.2.5: the JS ignores a Join-Request whose
 * DevNonce is not greater than the last one accepted for that DevEUI), allocates a DevAddr,
 * and answers with an encrypted Join-Accept carrying RX settings and a CFList.
 */
import {
  createAes128,
  deriveSessionKeys10,
  deriveSessionKeys11,
  verifyJoinRequestMic,
  type Aes128,
} from '../../src/crypto/index.js';
import type { FrameSession } from '../../src/frame/index.js';
import { decodeJoinRequest, type CfList } from '../../src/mac/index.js';
import {
  buildDeviceJoinAccept,
  createDeviceSession,
  createRootSession,
  type LorawanVersion,
  type RootKeys,
  type Session,
} from '../device/frames.js';

/** A device the join server may let in. */
export interface JoinDevice extends RootKeys {
  version: LorawanVersion;
}

/** A device's root keys, expanded at its first Join-Request and kept for the next ones. */
interface ExpandedRoot {
  /** AppKey (1.0) or NwkKey (1.1) as a frame session: the Join-Accept. */
  rootFrames: FrameSession;
  /** The Join-Request MIC key: AppKey (1.0) or NwkKey (1.1). */
  micKey: Aes128;
  appKey: Aes128;
}

/** Options of {@link JoinServer}. */
export interface JoinServerOptions {
  /** NetID, 24 bits (default 0x000013, a type-0 experimental NetID). */
  netId?: number;
  /** RX1DROffset sent in DLSettings (default 0). */
  rx1DrOffset?: number;
  /** RX2 data rate sent in DLSettings (default 0, EU868 RX2 default). */
  rx2Dr?: number;
  /** RxDelay in seconds (default 1). */
  rxDelayS?: number;
  /** CFList sent with each Join-Accept (default none). */
  cfList?: CfList;
}

/** The result of a Join-Request. */
export type JoinResult =
  | {
    ok: true;
    devEui: string;
    version: LorawanVersion;
    devAddr: number;
    devNonce: number;
    /** The encrypted Join-Accept PHYPayload to send. */
    joinAccept: Uint8Array;
    /** The new session, keys expanded. */
    session: Session;
  }
  | {
    ok: false;
    reason: 'malformed' | 'unknown-device' | 'mic' | 'dev-nonce-reused';
    devEui?: string;
  };

/**
 * The join server of a simulated network.
 *
 * @example
 * ```ts
 * const js = new JoinServer({ netId: 0x13 });
 * js.register({ version: '1.0', devEui, joinEui, appKey });
 * const r = js.handleJoinRequest(phyPayload);
 * if (r.ok) send(r.joinAccept);
 * ```
 */
export class JoinServer {
  readonly netId: number;
  readonly stats = { requests: 0, accepted: 0, micFailures: 0, devNonceRefused: 0, unknown: 0 };
  private readonly devices = new Map<string, JoinDevice>();
  private readonly expanded = new Map<string, ExpandedRoot>();
  private readonly lastDevNonce = new Map<string, number>();
  private readonly options: JoinServerOptions;
  private joinNonce = 0;
  private nextNwkAddr = 1;

  constructor(options: JoinServerOptions = {}) {
    this.netId = options.netId ?? 0x000013;
    if (!Number.isInteger(this.netId) || this.netId < 0 || this.netId > 0xffffff) {
      throw new RangeError(`netId: expected 24 bits, got ${this.netId}`);
    }
    this.options = options;
  }

  /** Adds a device (keyed by DevEUI). */
  register(device: JoinDevice): void {
    if (!/^[0-9a-fA-F]{16}$/.test(device.devEui)) {
      throw new TypeError(`devEui: expected 16 hex digits, got '${device.devEui}'`);
    }
    this.devices.set(device.devEui.toLowerCase(), device);
    this.expanded.delete(device.devEui.toLowerCase());
  }

  private expandedRoot(devEui: string, device: JoinDevice): ExpandedRoot {
    let e = this.expanded.get(devEui);
    if (e === undefined) {
      const appKey = createAes128(device.appKey);
      e = {
        rootFrames: createRootSession(device.version, device),
        // 1.1 signs the Join-Request with NwkKey, 1.0.x with AppKey (TS001-1.1 §6.2.2).
        micKey: device.version === '1.1' ? createAes128(device.nwkKey!) : appKey,
        appKey,
      };
      this.expanded.set(devEui, e);
    }
    return e;
  }

  /**
   * A DevAddr in this NetID (TS002 LoRaWAN Backend Interfaces §13: type-0 NetID, DevAddr is
   * a 0 bit, the 6-bit NwkID, then a 25-bit NwkAddr).
   */
  private allocateDevAddr(): number {
    const nwkId = this.netId & 0x3f;
    const addr = ((nwkId << 25) | (this.nextNwkAddr & 0x1ffffff)) >>> 0;
    this.nextNwkAddr++;
    return addr;
  }

  /** Checks a Join-Request and, when it is good, builds the Join-Accept. */
  handleJoinRequest(phyPayload: Uint8Array): JoinResult {
    this.stats.requests++;
    let jr;
    try {
      jr = decodeJoinRequest(phyPayload);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const devEui = jr.devEui.toLowerCase();
    const device = this.devices.get(devEui);
    if (device === undefined || device.joinEui.toLowerCase() !== jr.joinEui.toLowerCase()) {
      this.stats.unknown++;
      return { ok: false, reason: 'unknown-device', devEui };
    }
    const keys = this.expandedRoot(devEui, device);
    if (!verifyJoinRequestMic(keys.micKey, phyPayload.subarray(0, jr.micOffset), jr.mic)) {
      this.stats.micFailures++;
      return { ok: false, reason: 'mic', devEui };
    }
    const last = this.lastDevNonce.get(devEui);
    if (last !== undefined && jr.devNonce <= last) {
      this.stats.devNonceRefused++;
      return { ok: false, reason: 'dev-nonce-reused', devEui };
    }
    this.lastDevNonce.set(devEui, jr.devNonce);
    const joinNonce = this.joinNonce++ & 0xffffff;
    const devAddr = this.allocateDevAddr();
    const o = this.options;
    const joinAccept = buildDeviceJoinAccept(device.version, device, jr.devNonce, {
      joinNonce, netId: this.netId, devAddr,
      rx1DrOffset: o.rx1DrOffset ?? 0, rx2Dr: o.rx2Dr ?? 0, rxDelayS: o.rxDelayS ?? 1,
      ...(o.cfList ? { cfList: o.cfList } : {}),
    }, keys.rootFrames);
    let session: Session;
    if (device.version === '1.0') {
      const k = deriveSessionKeys10({ appKey: keys.appKey, joinNonce, netId: this.netId,
        devNonce: jr.devNonce });
      session = createDeviceSession('1.0', { devAddr, nwkSKey: k.nwkSKey, appSKey: k.appSKey });
    } else {
      const k = deriveSessionKeys11({ nwkKey: keys.micKey, appKey: keys.appKey, joinNonce,
        devNonce: jr.devNonce, joinEui: device.joinEui, netId: this.netId,
        optNeg: true });
      session = createDeviceSession('1.1', { devAddr, ...k });
    }
    this.stats.accepted++;
    return { ok: true, devEui, version: device.version, devAddr, devNonce: jr.devNonce,
      joinAccept, session };
  }
}
