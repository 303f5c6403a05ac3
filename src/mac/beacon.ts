/**
 * Class B beacon payload (TS001-1.0.4 §13.2 / TS001-1.1 §15.2; sizes per region in
 * RP002-1.0.4): RFU | Time(4, LE, GPS seconds) | CRC(2) | GwSpecific(7) | RFU | CRC(2).
 * EU868 and most regions: RFU sizes 2 and 0 (17 bytes); US915/AU915: 3 and 1 (19 bytes).
 * The CRCs are CRC-16 with polynomial x^16+x^12+x^5+1 (IEEE 802.15.4-2003 §7.2.1.8, the
 * CRC-16/XMODEM parameters: initial value 0, no reflection), sent little-endian.
 */
import { LoireError } from '../errors.js';
import { checkBytes, checkUint, need, readUintLE, writeUintLE } from './_bytes.js';

/** Sizes of the two RFU fields of a beacon, which vary by region. */
export interface BeaconLayout {
  /** RFU bytes before Time (2 in EU868, 3 in US915). */
  rfu1Length: number;
  /** RFU bytes before the second CRC (0 in EU868, 1 in US915). */
  rfu2Length: number;
}

/** EU868 and the other 17-byte regions. */
export const BEACON_LAYOUT_EU868: BeaconLayout = { rfu1Length: 2, rfu2Length: 0 };
/** US915 and AU915 (19 bytes). */
export const BEACON_LAYOUT_US915: BeaconLayout = { rfu1Length: 3, rfu2Length: 1 };

/** Fields of a beacon. */
export interface BeaconFields {
  /** RFU bytes before Time, as on air. */
  rfu1: Uint8Array;
  /** GPS time in seconds modulo 2^32. */
  time: number;
  /** InfoDesc: 0..2 = coordinates of the gateway's antenna 1..3 (TS001-1.0.4 §13.2). */
  infoDesc: number;
  /** The 6 Info bytes as on air (latitude and longitude when InfoDesc is 0..2). */
  info: Uint8Array;
  /** RFU bytes before the second CRC, as on air. */
  rfu2: Uint8Array;
}

/** A decoded beacon with its CRC values and their checks. */
export interface Beacon extends BeaconFields {
  /** CRC of the common part as on air (read little-endian). */
  crc1: number;
  /** Whether `crc1` matches the RFU and Time bytes. */
  crc1Ok: boolean;
  /** CRC of the gateway-specific part as on air. */
  crc2: number;
  /** Whether `crc2` matches the GwSpecific and RFU bytes. */
  crc2Ok: boolean;
  /** Latitude in degrees when InfoDesc is 0..2 (24-bit signed, ×90/2^23). */
  latitudeDeg?: number;
  /** Longitude in degrees when InfoDesc is 0..2 (24-bit signed, ×180/2^23). */
  longitudeDeg?: number;
}

/**
 * CRC-16 of the beacon (polynomial 0x1021, initial value 0, no reflection, no final XOR).
 *
 * @param bytes - buffer
 * @param start - first byte covered
 * @param end - first byte not covered
 * @returns the 16-bit CRC
 * @example beaconCrc16(hexToBytes('0000000002cc'), 0, 6) // 0x7ea2 per TS001-1.1 figure 61
 */
export function beaconCrc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : crc << 1;
    crc &= 0xffff;
  }
  return crc;
}

function layoutFor(length: number, layout?: BeaconLayout): BeaconLayout {
  if (layout) {
    checkUint('layout.rfu1Length', layout.rfu1Length, 8);
    checkUint('layout.rfu2Length', layout.rfu2Length, 8);
    return layout;
  }
  if (length === 17) return BEACON_LAYOUT_EU868;
  if (length === 19) return BEACON_LAYOUT_US915;
  throw new LoireError(
    'INVALID_VALUE',
    `beacon: ${length} bytes matches no known layout (17 EU868, 19 US915); pass a layout`,
    { offset: 0, field: 'BCNPayload' },
  );
}

function signed24(v: number): number {
  return v >= 0x800000 ? v - 0x1000000 : v;
}

/**
 * Decodes a Class B beacon payload and checks both CRCs (reported, not thrown, so a receiver
 * can count bad beacons).
 *
 * @param bytes - the beacon payload
 * @param layout - RFU sizes; inferred from the length (17 or 19) when omitted
 * @returns fields, CRCs and their checks; coordinates when InfoDesc is 0..2
 * @throws {LoireError} `TRUNCATED`/`TOO_LONG` when the length does not match the layout
 * @example decodeBeacon(hexToBytes('0000000002cca27e00012000008103de55')).crc1Ok // true
 */
export function decodeBeacon(bytes: Uint8Array, layout?: BeaconLayout): Beacon {
  checkBytes('bytes', bytes);
  const l = layoutFor(bytes.length, layout);
  const total = l.rfu1Length + 4 + 2 + 7 + l.rfu2Length + 2;
  need(bytes, 0, total, 'BCNPayload');
  if (bytes.length > total) {
    throw new LoireError('TOO_LONG', `beacon: expected ${total} bytes, got ${bytes.length}`, {
      offset: total,
      field: 'BCNPayload',
    });
  }
  const timeAt = l.rfu1Length;
  const crc1At = timeAt + 4;
  const gwAt = crc1At + 2;
  const crc2At = gwAt + 7 + l.rfu2Length;
  const crc1 = readUintLE(bytes, crc1At, 2);
  const crc2 = readUintLE(bytes, crc2At, 2);
  const infoDesc = bytes[gwAt]!;
  const beacon: Beacon = {
    rfu1: bytes.subarray(0, timeAt),
    time: readUintLE(bytes, timeAt, 4),
    infoDesc,
    info: bytes.subarray(gwAt + 1, gwAt + 7),
    rfu2: bytes.subarray(gwAt + 7, crc2At),
    crc1,
    crc1Ok: beaconCrc16(bytes, 0, crc1At) === crc1,
    crc2,
    crc2Ok: beaconCrc16(bytes, gwAt, crc2At) === crc2,
  };
  if (infoDesc <= 2) {
    beacon.latitudeDeg = (signed24(readUintLE(bytes, gwAt + 1, 3)) * 90) / 0x800000;
    beacon.longitudeDeg = (signed24(readUintLE(bytes, gwAt + 4, 3)) * 180) / 0x800000;
  }
  return beacon;
}

/**
 * Encodes a beacon payload, computing both CRCs.
 *
 * @param f - fields; `rfu1`/`rfu2` lengths choose the layout
 * @returns the beacon payload
 * @throws {RangeError}/{TypeError} naming the bad field
 * @example encodeBeacon({ rfu1: new Uint8Array(2), time: 0x2cc, infoDesc: 0,
 *   info: hexToBytes('012000008103'), rfu2: new Uint8Array(0) })
 */
export function encodeBeacon(f: BeaconFields): Uint8Array {
  const rfu1 = checkBytes('rfu1', f.rfu1);
  const rfu2 = checkBytes('rfu2', f.rfu2);
  const info = checkBytes('info', f.info, 6);
  const out = new Uint8Array(rfu1.length + 4 + 2 + 7 + rfu2.length + 2);
  out.set(rfu1, 0);
  const crc1At = rfu1.length + 4;
  writeUintLE(out, rfu1.length, 4, checkUint('time', f.time, 0xffffffff));
  writeUintLE(out, crc1At, 2, beaconCrc16(out, 0, crc1At));
  const gwAt = crc1At + 2;
  out[gwAt] = checkUint('infoDesc', f.infoDesc, 255);
  out.set(info, gwAt + 1);
  out.set(rfu2, gwAt + 7);
  const crc2At = gwAt + 7 + rfu2.length;
  writeUintLE(out, crc2At, 2, beaconCrc16(out, gwAt, crc2At));
  return out;
}
