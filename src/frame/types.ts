/**
 * What the high-level frame calls take and return: the decode options (counters and the
 * transmission parameters a MIC covers) and one typed result per message type.
 */
import type { FCtrlDownlink, FCtrlUplink } from '../mac/fctrl.js';
import type { Mhdr } from '../mac/mhdr.js';
import type { CfList } from '../mac/cf-list.js';
import type { DlSettings } from '../mac/dl-settings.js';
import type { MacCommand } from '../mac/mac-commands/mac-command.js';

/** The spec names of the eight message types (TS001-1.0.4 §4.2.1, TS001-1.1 §4.2.1). */
export type MTypeName =
  | 'JoinRequest'
  | 'JoinAccept'
  | 'UnconfirmedDataUp'
  | 'UnconfirmedDataDown'
  | 'ConfirmedDataUp'
  | 'ConfirmedDataDown'
  | 'RejoinRequest'
  | 'Proprietary';

/** MType names indexed by the 3-bit MType value. */
export const MTYPE_NAMES: readonly MTypeName[] = [
  'JoinRequest',
  'JoinAccept',
  'UnconfirmedDataUp',
  'UnconfirmedDataDown',
  'ConfirmedDataUp',
  'ConfirmedDataDown',
  'RejoinRequest',
  'Proprietary',
];

/** The Join-Request (or Rejoin-Request) a Join-Accept answers: what a 1.1 MIC covers. */
export interface JoinRequestContext {
  /** JoinEUI, 8 bytes or 16 hex digits, big-endian as people write it. */
  joinEui: Uint8Array | string;
  /** DevNonce of the Join-Request (or RJcount0/1 of a Rejoin-Request). */
  devNonce: number;
  /** 0xFF for a Join-Request (the default), or 0, 1, 2 for a Rejoin-Request of that type. */
  joinReqType?: number;
  /**
   * DevEUI, 8 bytes or 16 hex digits: lets the call derive JSIntKey and JSEncKey from NwkKey
   * (TS001-1.1 §6.1.1.3) when `keys.jsIntKey` / `keys.jsEncKey` are not given.
   */
  devEui?: Uint8Array | string;
}

/** Per-frame options of a decode. */
export interface FrameDecodeOptions {
  /**
   * The full 32-bit frame counter, or the next one expected: the counter used is the first at
   * or after this value whose 16 low bits match the frame (a repeat of `fCnt - 1` is taken as
   * such). Without it the high 16 bits are taken as 0. TS001-1.0.4 §4.3.1.5.
   */
  fCnt?: number;
  /**
   * 1.1 only, used when the frame's ACK bit is set: the counter of the confirmed frame it
   * acknowledges (TS001-1.1 §4.4). Default 0.
   */
  confFCnt?: number;
  /** 1.1 uplinks: data rate index of the transmission (TxDr in B1, TS001-1.1 §4.4). */
  txDr?: number;
  /** 1.1 uplinks: channel index of the transmission (TxCh in B1, TS001-1.1 §4.4). */
  txCh?: number;
  /** Join-Accepts in 1.1: the request answered (its MIC covers JoinEUI and DevNonce). */
  joinRequest?: JoinRequestContext;
  /**
   * False: leave MAC commands unparsed (`macCommands` absent), for callers that split them
   * their own way, such as a device that keeps the commands before a truncated one. Default
   * true: they are parsed, and a truncated known command throws `TRUNCATED`.
   */
  parseMacCommands?: boolean;
}

/** Fields every decoded frame has. */
interface FrameBase {
  /** The message type's spec name. */
  mType: MTypeName;
  mhdr: Mhdr;
  /** The decoded input (not a copy). */
  bytes: Uint8Array;
  /**
   * Whether the MIC matches, present only when the keys (and, for 1.1 Join-Accepts, the
   * request) allow the check; compared in constant time.
   */
  micValid?: boolean;
}

/** A decoded data frame (MType 2..5). */
export interface DecodedDataFrame extends FrameBase {
  type: 'data';
  uplink: boolean;
  confirmed: boolean;
  /** DevAddr as people read it (the wire carries it little-endian). */
  devAddr: number;
  fCtrl: FCtrlUplink | FCtrlDownlink;
  /** The full 32-bit counter used for the MIC and the ciphers (see the `fCnt` option). */
  fCnt: number;
  /** The 16 counter bits as on air. */
  fCnt16: number;
  /** FOpts as on air (encrypted in 1.1). */
  fOpts: Uint8Array;
  /** 1.1 only, with NwkSEncKey: the FOpts decrypted (TS001-1.1 §4.3.1.6). */
  fOptsDecrypted?: Uint8Array;
  /** FPort, or null when the frame has none. */
  fPort: number | null;
  /** FRMPayload as on air (encrypted). */
  frmPayload: Uint8Array;
  /** The 4 MIC bytes as on air. */
  mic: Uint8Array;
  /**
   * Which part of a 1.1 uplink MIC `micValid` covers: `full`, or `cmacF` (its two low bytes,
   * the FNwkSIntKey half) when SNwkSIntKey, `txDr` or `txCh` is missing (TS001-1.1 §4.4).
   */
  micChecked?: 'full' | 'cmacF';
  /** FRMPayload decrypted, when the key of its FPort was given (TS001-1.0.4 §4.3.3). */
  payload?: Uint8Array;
  /**
   * MAC commands: from FOpts (clear in 1.0, decrypted in 1.1), or from the decrypted FRMPayload
   * of an FPort 0 frame. Absent when they could not be read for lack of a key.
   */
  macCommands?: MacCommand[];
}

/** A decoded Join-Request. */
export interface DecodedJoinRequest extends FrameBase {
  type: 'joinRequest';
  /** 16 hex digits, big-endian. */
  joinEui: string;
  devEui: string;
  devNonce: number;
  mic: Uint8Array;
}

/** A decoded Join-Accept; its fields are present only once decrypted. */
export interface DecodedJoinAccept extends FrameBase {
  type: 'joinAccept';
  /** The 16 or 32 bytes after the MHDR, as on air. */
  encryptedPayload: Uint8Array;
  /** True when a key allowed decryption; the fields below are then present. */
  decrypted: boolean;
  /** JoinNonce (AppNonce in 1.0.x). */
  joinNonce?: number;
  /** Home_NetID (NetID in 1.0.x), 6 hex digits, big-endian. */
  netId?: string;
  devAddr?: number;
  dlSettings?: DlSettings;
  /** RxDelay, 4 bits (0 and 1 both mean 1 s). */
  rxDelay?: number;
  cfList?: CfList;
  /** The MIC once decrypted. */
  mic?: Uint8Array;
}

/** A decoded Rejoin-Request (TS001-1.1 §6.2.4). */
export interface DecodedRejoinRequest extends FrameBase {
  type: 'rejoinRequest';
  rejoinType: 0 | 1 | 2;
  /** Types 0 and 2: NetID, 6 hex digits. */
  netId?: string;
  /** Type 1: JoinEUI, 16 hex digits. */
  joinEui?: string;
  devEui: string;
  /** RJcount0 (types 0, 2) or RJcount1 (type 1). */
  rjCount: number;
  mic: Uint8Array;
}

/** A proprietary frame: the rest is the vendor's. */
export interface DecodedProprietary extends FrameBase {
  type: 'proprietary';
  /** Everything after the MHDR. */
  proprietaryPayload: Uint8Array;
}

/** What the high-level decode returns; switch on `type`. */
export type DecodedFrame =
  | DecodedDataFrame
  | DecodedJoinRequest
  | DecodedJoinAccept
  | DecodedRejoinRequest
  | DecodedProprietary;
