/**
 * The minimal slicing of a data frame that the crypto tests need (MHDR, FHDR, FPort,
 * FRMPayload, MIC per TS001-1.0.4 §4). The library's frame decoder is built elsewhere; this is
 * deliberately tiny and trusts its (known-good) vector input.
 */
import { base64ToBytes, hexToBytes } from '../../src/bytes/hex.js';

export interface DataFrameSlices {
  uplink: boolean;
  devAddr: number;
  fCtrl: number;
  fCnt16: number;
  fOpts: Uint8Array;
  fOptsOffset: number;
  fPort: number | null;
  frmPayload: Uint8Array;
  frmPayloadOffset: number;
  message: Uint8Array;
  mic: Uint8Array;
}

export function frameBytes(inputs: Record<string, unknown>): Uint8Array {
  if (typeof inputs.phypayload === 'string') return hexToBytes(inputs.phypayload);
  return base64ToBytes(inputs.phypayload_base64 as string);
}

export function sliceDataFrame(p: Uint8Array): DataFrameSlices {
  const mType = p[0]! >> 5;
  const devAddr = (p[1]! | (p[2]! << 8) | (p[3]! << 16) | (p[4]! << 24)) >>> 0;
  const fCtrl = p[5]!;
  const fCnt16 = p[6]! | (p[7]! << 8);
  const fOptsLen = fCtrl & 0x0f;
  const fOptsOffset = 8;
  const end = p.length - 4;
  const afterFOpts = fOptsOffset + fOptsLen;
  const fPort = afterFOpts < end ? p[afterFOpts]! : null;
  const frmPayloadOffset = fPort === null ? end : afterFOpts + 1;
  return {
    uplink: mType === 2 || mType === 4,
    devAddr,
    fCtrl,
    fCnt16,
    fOpts: p.subarray(fOptsOffset, afterFOpts),
    fOptsOffset,
    fPort,
    frmPayload: p.subarray(frmPayloadOffset, end),
    frmPayloadOffset,
    message: p.subarray(0, end),
    mic: p.subarray(end),
  };
}
