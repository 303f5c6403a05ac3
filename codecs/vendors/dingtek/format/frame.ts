/**
 * The Dingtek uplink frame (DF702/DF703 LoRaWAN protocol V2.8, "Terminal Upload Data Format"):
 * header 0x80, a forced bit byte, the device type, the data type, the frame length in bytes,
 * the data, and the tail 0x81. Frames are 17 bytes, or 25 with GPS or for parameters.
 * Numbers are big-endian except GPS floats (see `coordinate.ts`).
 */
import { fail } from '../../../framework/codec-error.js';

/** Dingtek devices use FPort 3 both ways. */
export const DINGTEK_FPORT = 3;
/** First byte of every uplink frame. */
export const FRAME_HEAD = 0x80;
/** Last byte of every uplink frame. */
export const FRAME_TAIL = 0x81;
/** Data type of a parameter report; any other type carries measurements. */
export const TYPE_PARAMETERS = 0x03;
/** Data type written for a measurement report (heartbeat). */
export const TYPE_HEARTBEAT = 0x01;

/** A checked frame: its data type and bytes. */
export interface Frame {
  dataType: number;
  bytes: number[];
}

/**
 * Checks FPort, length, header, length byte and tail.
 *
 * @throws CodecError naming what is wrong and where.
 */
export function checkFrame(bytes: number[], fPort: number, what: string): Frame {
  if (fPort !== DINGTEK_FPORT) fail(`${what}: FPort ${fPort}, expected ${DINGTEK_FPORT}`);
  const n = bytes.length;
  if (n !== 17 && n !== 25) fail(`${what}: ${n} bytes, expected a 17- or 25-byte frame`, 0);
  if (bytes[0] !== FRAME_HEAD) {
    fail(`${what}: header 0x${bytes[0]!.toString(16)} at offset 0, expected 0x80`, 0);
  }
  if (bytes[4] !== n) fail(`${what}: length byte ${bytes[4]} at offset 4, frame has ${n}`, 4);
  if (bytes[n - 1] !== FRAME_TAIL) {
    fail(`${what}: tail 0x${bytes[n - 1]!.toString(16)} at offset ${n - 1}, expected 0x81`, n - 1);
  }
  return { dataType: bytes[3]!, bytes };
}

/** Frame around `data` (bytes 5 up to the tail), device type 0x01 as the vendor examples. */
export function buildFrame(dataType: number, data: number[]): number[] {
  const n = data.length + 6;
  return [FRAME_HEAD, 0x00, 0x01, dataType, n].concat(data, [FRAME_TAIL]);
}
