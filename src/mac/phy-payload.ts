/**
 * PHYPayload (TS001-1.0.4 §4.1; TS001-1.1 §4.1): MHDR | MACPayload | MIC, dispatched on MType
 * to the Join-Request, Join-Accept, Rejoin-Request, data and proprietary decoders. No crypto
 * happens here: MIC and FRMPayload stay as on air, and every frame keeps a reference to the
 * input and the MIC offset so that `src/crypto` can check the MIC without copying.
 */
import { LoireError } from '../errors.js';
import { checkBytes, need } from './_bytes.js';
import { decodeMacPayload, encodeMacPayload } from './data-payload.js';
import type { FCtrlDownlink, FCtrlUplink } from './fctrl.js';
import type { Fhdr } from './fhdr.js';
import { decodeJoinAccept, encodeJoinAccept } from './join-accept.js';
import type { JoinAcceptFields, JoinAcceptFrame } from './join-accept.js';
import { decodeJoinRequest, encodeJoinRequest } from './join-request.js';
import type { JoinRequestFields, JoinRequestFrame } from './join-request.js';
import { decodeMhdr, encodeMhdr, isDataMType, isUplinkMType, MType } from './mhdr.js';
import type { Mhdr } from './mhdr.js';
import { decodeProprietary, encodeProprietary } from './proprietary.js';
import type { ProprietaryFields, ProprietaryFrame } from './proprietary.js';
import { decodeRejoinRequest, encodeRejoinRequest } from './rejoin-request.js';
import type { RejoinRequestFields, RejoinRequestFrame } from './rejoin-request.js';

/** Smallest data frame: MHDR(1) + FHDR(7) + MIC(4). */
export const DATA_FRAME_MIN_LENGTH = 12;

/**
 * Largest PHYPayload: the LoRa explicit header and the FSK length byte state the payload length
 * in one byte (SX1276 datasheet §4.1.1.6, §4.2.13.2), so a longer frame cannot be on air.
 */
const PHY_PAYLOAD_MAX_LENGTH = 255;

function checkMaxLength(length: number): void {
  if (length > PHY_PAYLOAD_MAX_LENGTH) {
    throw new LoireError(
      'TOO_LONG',
      `PHYPayload: ${length} bytes, at most ${PHY_PAYLOAD_MAX_LENGTH} fit a LoRa or FSK frame`,
      { offset: PHY_PAYLOAD_MAX_LENGTH, field: 'PHYPayload' },
    );
  }
}

/** The fields of a data frame (MType 2..5); the direction follows from `mhdr.mType`. */
export interface DataFrameFields {
  type: 'data';
  mhdr: Mhdr;
  fhdr: Fhdr<FCtrlUplink> | Fhdr<FCtrlDownlink>;
  /** FPort, or `null` when absent (a frame carrying only FOpts). */
  fPort: number | null;
  /** FRMPayload as on air (encrypted). */
  frmPayload: Uint8Array;
  /** The 4 MIC bytes as on air. */
  mic: Uint8Array;
}

/** A decoded uplink data frame. */
export interface UplinkDataFrame extends DataFrameFields {
  uplink: true;
  fhdr: Fhdr<FCtrlUplink>;
  /** MType 4 (ConfirmedDataUp). */
  confirmed: boolean;
  /** The whole PHYPayload (the decoder's input, not a copy). */
  bytes: Uint8Array;
  /** Offset of the MIC; the MIC covers `bytes.subarray(0, micOffset)` (plus B0). */
  micOffset: number;
  /** Offset of FOpts in `bytes` (always 8). */
  fOptsOffset: number;
  /** Offset of FRMPayload in `bytes` (equals `micOffset` when there is none). */
  frmPayloadOffset: number;
}

/** A decoded downlink data frame. */
export interface DownlinkDataFrame extends DataFrameFields {
  uplink: false;
  fhdr: Fhdr<FCtrlDownlink>;
  /** MType 5 (ConfirmedDataDown). */
  confirmed: boolean;
  bytes: Uint8Array;
  micOffset: number;
  fOptsOffset: number;
  frmPayloadOffset: number;
}

/** A decoded data frame of either direction. */
export type DataFrame = UplinkDataFrame | DownlinkDataFrame;

/** Any decoded PHYPayload; switch on `type`. */
export type PhyPayload =
  | JoinRequestFrame
  | JoinAcceptFrame
  | RejoinRequestFrame
  | DataFrame
  | ProprietaryFrame;

/** What {@link encodePhyPayload} accepts: the fields of any frame type. */
export type PhyPayloadFields =
  | JoinRequestFields
  | JoinAcceptFields
  | RejoinRequestFields
  | DataFrameFields
  | ProprietaryFields;

/**
 * Decodes a data frame (MType 2..5).
 *
 * @param bytes - the PHYPayload
 * @returns the frame; FOpts, FRMPayload and MIC are views into `bytes`
 * @throws {LoireError} `TRUNCATED` for fewer than 12 bytes or FOptsLen past the MIC,
 *   `TOO_LONG` beyond 255 bytes, `INVALID_VALUE` for a non-data MType
 * @example decodeDataFrame(hexToBytes('40F17DBE4900020001954378762B11FF0D')).fhdr.fCnt // 2
 */
export function decodeDataFrame(bytes: Uint8Array): DataFrame {
  checkBytes('bytes', bytes);
  need(bytes, 0, 1, 'MHDR');
  const mhdr = decodeMhdr(bytes[0]!);
  if (!isDataMType(mhdr.mType)) {
    throw new LoireError('INVALID_VALUE', `MHDR: MType ${mhdr.mType} is not a data message`, {
      offset: 0,
      field: 'MType',
    });
  }
  if (bytes.length < DATA_FRAME_MIN_LENGTH) {
    throw new LoireError(
      'TRUNCATED',
      `data frame: needs at least ${DATA_FRAME_MIN_LENGTH} bytes ` +
        `(MHDR, FHDR, MIC), got ${bytes.length}`,
      { offset: bytes.length, field: 'FHDR' },
    );
  }
  checkMaxLength(bytes.length);
  const uplink = isUplinkMType(mhdr.mType);
  const micOffset = bytes.length - 4;
  const { macPayload, frmPayloadOffset } = decodeMacPayload(bytes, 1, micOffset, uplink);
  return {
    type: 'data',
    mhdr,
    uplink,
    confirmed: mhdr.mType === MType.ConfirmedDataUp || mhdr.mType === MType.ConfirmedDataDown,
    fhdr: macPayload.fhdr,
    fPort: macPayload.fPort,
    frmPayload: macPayload.frmPayload,
    mic: bytes.subarray(micOffset),
    bytes,
    micOffset,
    fOptsOffset: 8,
    frmPayloadOffset,
  } as DataFrame;
}

/**
 * Encodes a data frame.
 *
 * @param f - MHDR (MType 2..5), FHDR, FPort, FRMPayload and the 4 MIC bytes
 * @returns the PHYPayload
 * @throws {RangeError}/{TypeError} naming the bad field
 * @example encodeDataFrame({ type: 'data', mhdr: { mType: 2, rfu: 0, major: 0 }, fhdr, fPort: 1,
 *   frmPayload, mic })
 */
export function encodeDataFrame(f: DataFrameFields): Uint8Array {
  if (!isDataMType(f.mhdr.mType)) throw new RangeError('mhdr.mType: expected 2..5');
  const mhdr = encodeMhdr(f.mhdr);
  const mac = encodeMacPayload(f, isUplinkMType(f.mhdr.mType));
  const mic = checkBytes('mic', f.mic, 4);
  if (1 + mac.length + 4 > PHY_PAYLOAD_MAX_LENGTH) {
    throw new RangeError(`frmPayload: the frame would be ${1 + mac.length + 4} bytes, ` +
      `at most ${PHY_PAYLOAD_MAX_LENGTH} fit a LoRa or FSK frame`);
  }
  const out = new Uint8Array(1 + mac.length + 4);
  out[0] = mhdr;
  out.set(mac, 1);
  out.set(mic, 1 + mac.length);
  return out;
}

/**
 * Decodes any PHYPayload, dispatching on MType.
 *
 * Frames whose Major is not 0 (LoRaWAN R1) are rejected, except proprietary frames whose
 * layout is the vendor's anyway.
 *
 * @param bytes - the PHYPayload as received
 * @returns a frame typed by `type`: 'joinRequest', 'joinAccept', 'rejoinRequest', 'data',
 *   'proprietary'
 * @throws {LoireError} with `code`, `offset` and `field` for every malformed input
 * @example
 * ```ts
 * const f = decodePhyPayload(hexToBytes('40F17DBE4900020001954378762B11FF0D'));
 * if (f.type === 'data') f.fhdr.devAddr.toString(16); // '49be7df1'
 * ```
 */
export function decodePhyPayload(bytes: Uint8Array): PhyPayload {
  checkBytes('bytes', bytes);
  need(bytes, 0, 1, 'MHDR');
  checkMaxLength(bytes.length);
  const mhdr = decodeMhdr(bytes[0]!);
  if (mhdr.major !== 0 && mhdr.mType !== MType.Proprietary) {
    throw new LoireError('UNSUPPORTED', `MHDR: Major ${mhdr.major} is not LoRaWAN R1 (0)`, {
      offset: 0,
      field: 'Major',
    });
  }
  switch (mhdr.mType) {
    case MType.JoinRequest:
      return decodeJoinRequest(bytes);
    case MType.JoinAccept:
      return decodeJoinAccept(bytes);
    case MType.RejoinRequest:
      return decodeRejoinRequest(bytes);
    case MType.Proprietary:
      return decodeProprietary(bytes);
    default:
      return decodeDataFrame(bytes);
  }
}

/**
 * Encodes any PHYPayload from its fields (the `type` picks the layout).
 *
 * @param frame - the fields of one frame type; a decoded frame is accepted as is
 * @returns the PHYPayload bytes
 * @throws {RangeError}/{TypeError} naming the bad field
 * @example encodePhyPayload(decodePhyPayload(bytes)) // the same bytes
 */
export function encodePhyPayload(frame: PhyPayloadFields): Uint8Array {
  switch (frame.type) {
    case 'joinRequest':
      return encodeJoinRequest(frame);
    case 'joinAccept':
      return encodeJoinAccept(frame);
    case 'rejoinRequest':
      return encodeRejoinRequest(frame);
    case 'data':
      return encodeDataFrame(frame);
    case 'proprietary':
      return encodeProprietary(frame);
    default:
      throw new TypeError(`frame.type: unknown ${String((frame as { type?: unknown }).type)}`);
  }
}
