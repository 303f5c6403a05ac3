/**
 * Test fixtures for the simulator: keys, a trivial codec, and a minimal network side that
 * answers joins and can send MAC commands or acknowledgements into the device's windows.
 */
import { hexToBytes } from '../../src/bytes/hex.js';
import type { Engine } from '../../simulator/engine/index.js';
import {
  buildDownlink,
  buildDeviceJoinAccept,
  openJoinAccept,
  type ClassADevice,
  type DeviceRadio,
  type LorawanVersion,
  type RootKeys,
  type Session,
  type Transmission,
} from '../../simulator/device/index.js';
import { decodePhyPayload } from '../../src/mac/index.js';

export const APP_KEY = hexToBytes('2b7e151628aed2a6abf7158809cf4f3c');
export const NWK_KEY = hexToBytes('000102030405060708090a0b0c0d0e0f');
export const NWK_S_KEY = hexToBytes('44024241ed4ce9a68c6a8bc055233fd3');
export const APP_S_KEY = hexToBytes('ec925802ae430ca77fd3dd73cb2cc588');
export const DEV_EUI = '0004a30b001a2b3c';
export const JOIN_EUI = '70b3d57ed0000001';

/** A codec that sends a counter and a fixed-size filler (length chosen by the test). */
export function counterCodec(length = 4, fPort = 2): {
  encodeUplink(input: { data: unknown }): { bytes: number[]; fPort: number };
} {
  return {
    encodeUplink: ({ data }) => {
      const n = Number(data);
      const bytes = new Array<number>(length).fill(0);
      for (let i = 0; i < Math.min(4, length); i++) bytes[i] = (n >>> (8 * i)) & 0xff;
      return { bytes, fPort };
    },
  };
}

/** What the test network should put in the next downlink it sends. */
export interface NetworkScript {
  /** Answer Join-Requests (default true). */
  acceptJoins?: boolean;
  /** MAC commands (clear bytes) to send after the uplink with this FCnt. */
  macAfterFCnt?: Map<number, Uint8Array>;
  /** Acknowledge confirmed uplinks (default true). */
  ack?: boolean;
}

/**
 * A network side for one device: answers joins in RX1 with a Join-Accept, acknowledges
 * confirmed uplinks, and sends scripted MAC commands, all built by the core.
 */
export class TestNetwork implements DeviceRadio {
  device: ClassADevice | undefined;
  session: Session | undefined;
  readonly uplinks: Transmission[] = [];
  private fCntDown = 0;
  private joinNonce = 1;

  constructor(
    readonly engine: Engine,
    readonly version: LorawanVersion,
    readonly root: RootKeys,
    readonly script: NetworkScript = {},
  ) {}

  transmit(tx: Transmission): void {
    this.uplinks.push(tx);
    const device = this.device!;
    if (tx.kind === 'join-request') {
      if (this.script.acceptJoins === false) return;
      const f = decodePhyPayload(tx.phyPayload);
      if (f.type !== 'joinRequest') throw new Error('expected a Join-Request');
      const spec = {
        joinNonce: this.joinNonce++,
        netId: 0x000013,
        devAddr: 0x26012345,
        rx1DrOffset: 0,
        rx2Dr: 0,
        rxDelayS: 1,
      };
      const ja = buildDeviceJoinAccept(this.version, this.root, f.devNonce, spec);
      // The network derives the same session the device will (checked by the device's MIC).
      this.session = openJoinAccept(this.version, this.root, f.devNonce, ja)!.session;
      this.fCntDown = 0;
      this.engine.at(tx.rx1.openAtMs, () => device.receive(ja, 1));
      return;
    }
    const mac = this.script.macAfterFCnt?.get(tx.fCnt!);
    const ack = tx.confirmed === true && this.script.ack !== false;
    if (!mac && !ack) return;
    const session = this.session!;
    const dl = buildDownlink(session, {
      fCnt: this.fCntDown++,
      ack,
      ...(mac ? { fOpts: mac } : {}),
      confFCnt: tx.fCnt!,
    });
    this.engine.at(tx.rx1.openAtMs, () => device.receive(dl, 1));
  }
}
