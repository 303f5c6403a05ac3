/**
 * Proprietary frames (MType 111, TS001-1.0.4 §4.2.1): after the MHDR the format is the
 * vendor's, so loire keeps the rest as opaque bytes and does not split off a MIC (some tools,
 * lora-packet among them, treat the last 4 bytes as one; the spec does not say so).
 */
import { LoireError } from '../errors.js';
import { checkBytes, need } from './_bytes.js';
import { decodeMhdr, encodeMhdr, MType } from './mhdr.js';
import type { Mhdr } from './mhdr.js';

/** The fields of a proprietary frame. */
export interface ProprietaryFields {
  type: 'proprietary';
  mhdr: Mhdr;
  /** Everything after the MHDR, as on air (a view into the input when decoded). */
  payload: Uint8Array;
}

/** A decoded proprietary frame with its input. */
export interface ProprietaryFrame extends ProprietaryFields {
  bytes: Uint8Array;
}

/**
 * Decodes a proprietary PHYPayload.
 *
 * @param bytes - MHDR (MType 7) and any payload
 * @returns the MHDR and the opaque payload
 * @throws {LoireError} `TRUNCATED` when empty, `INVALID_VALUE` for another MType
 * @example decodeProprietary(hexToBytes('e0008b658839')).payload // 00 8b 65 88 39
 */
export function decodeProprietary(bytes: Uint8Array): ProprietaryFrame {
  checkBytes('bytes', bytes);
  need(bytes, 0, 1, 'MHDR');
  const mhdr = decodeMhdr(bytes[0]!);
  if (mhdr.mType !== MType.Proprietary) {
    throw new LoireError('INVALID_VALUE', `MHDR: MType ${mhdr.mType} is not proprietary`, {
      offset: 0,
      field: 'MType',
    });
  }
  return { type: 'proprietary', mhdr, payload: bytes.subarray(1), bytes };
}

/**
 * Encodes a proprietary PHYPayload.
 *
 * @param f - MHDR (MType 7) and payload
 * @returns MHDR followed by the payload
 * @throws {RangeError} for another MType
 * @example
 * encodeProprietary({ type: 'proprietary', mhdr: { mType: 7, rfu: 0, major: 0 }, payload })
 */
export function encodeProprietary(f: ProprietaryFields): Uint8Array {
  if (f.mhdr.mType !== MType.Proprietary) throw new RangeError('mhdr.mType: expected 7');
  const payload = checkBytes('payload', f.payload);
  const out = new Uint8Array(1 + payload.length);
  out[0] = encodeMhdr(f.mhdr);
  out.set(payload, 1);
  return out;
}
