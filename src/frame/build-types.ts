/**
 * What the frame builders take: the fields in clear, as an application, a simulator or a
 * network server knows them. The builders lay them out, encrypt and sign.
 */
import type { CfList } from '../mac/cf-list.js';
import type { DlSettings } from '../mac/dl-settings.js';
import type { MacCommand } from '../mac/mac-commands/mac-command.js';
import type { JoinRequestContext } from './types.js';

/** FCtrl flags of a frame to build; unset flags are false. FOptsLen follows from FOpts. */
export interface FCtrlFlags {
  adr?: boolean;
  /** Uplinks only. */
  adrAckReq?: boolean;
  ack?: boolean;
  /** Uplinks only (TS001-1.0.4 §10.1). */
  classB?: boolean;
  /** Downlinks only. */
  fPending?: boolean;
  /** Downlinks only: the RFU bit 6, for re-encoding a received frame exactly. */
  rfu?: boolean;
  /** Ignored (taken from FOpts), so that a decoded `fCtrl` can be passed back. */
  fOptsLen?: number;
}

/** A data frame to build (MType 2..5). */
export interface DataFrameInput {
  type?: 'data';
  /** True for a frame from the end-device. */
  uplink: boolean;
  /** Confirmed (MType 4 or 5) rather than unconfirmed (2 or 3). Default false. */
  confirmed?: boolean;
  /** DevAddr as a number (big-endian reading) or 8 hex digits. */
  devAddr: number | string;
  /** The full 32-bit counter; its 16 low bits go on air (TS001-1.0.4 §4.3.1.5). */
  fCnt: number;
  fCtrl?: FCtrlFlags;
  /** MAC commands for FOpts, in clear (at most 15 bytes; encrypted here in 1.1). */
  fOpts?: Uint8Array | MacCommand[];
  /** FPort 0..255; omit (or null) for a frame without FPort, which then has no payload. */
  fPort?: number | null;
  /** FRMPayload in clear (MAC commands when `fPort` is 0). */
  payload?: Uint8Array | MacCommand[];
  /** 1.1, with the ACK bit: the counter of the confirmed frame acknowledged. Default 0. */
  confFCnt?: number;
  /** 1.1 uplinks: data rate index of the transmission (in the MIC, TS001-1.1 §4.4). */
  txDr?: number;
  /** 1.1 uplinks: channel index of the transmission. */
  txCh?: number;
}

/** A Join-Request to build (TS001-1.0.4 §6.2.4). */
export interface JoinRequestInput {
  type?: 'joinRequest';
  /** 16 hex digits, big-endian. */
  joinEui: string;
  devEui: string;
  devNonce: number;
}

/** A Join-Accept to build (TS001-1.0.4 §6.2.5, TS001-1.1 §6.2.3). */
export interface JoinAcceptInput {
  type?: 'joinAccept';
  joinNonce: number;
  /** Home_NetID: a number or 6 hex digits. */
  netId: number | string;
  devAddr: number | string;
  /** Default: OptNeg set in 1.1 and unset in 1.0, both offsets 0. */
  dlSettings?: Partial<DlSettings>;
  /** RxDelay, 0..15. Default 1. */
  rxDelay?: number;
  cfList?: CfList;
  /** 1.1 with OptNeg: the request answered (its JoinEUI and DevNonce enter the MIC). */
  joinRequest?: JoinRequestContext;
}

/** A Rejoin-Request to build (LoRaWAN 1.1 only, TS001-1.1 §6.2.4). */
export interface RejoinRequestInput {
  type?: 'rejoinRequest';
  rejoinType: 0 | 1 | 2;
  /** Types 0 and 2: NetID, 6 hex digits. */
  netId?: string;
  /** Type 1: JoinEUI, 16 hex digits. */
  joinEui?: string;
  devEui: string;
  /** RJcount0 (types 0, 2) or RJcount1 (type 1). */
  rjCount: number;
}

/** Any frame {@link encodeFrame} builds, told apart by `type`. */
export type FrameInput =
  | (DataFrameInput & { type: 'data' })
  | (JoinRequestInput & { type: 'joinRequest' })
  | (JoinAcceptInput & { type: 'joinAccept' })
  | (RejoinRequestInput & { type: 'rejoinRequest' });
