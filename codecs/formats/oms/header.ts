/**
 * Transport headers in front of OMS application data, selected by the CI field
 * (EN 13757-7:2018 §7.2 to §7.4, OMS vol. 2 §7.2): 0x78 no header, 0x7A short header
 * (access number, status, configuration), 0x72 long header (identification number,
 * manufacturer, version, device type, then the short header fields).
 */
import { fail } from '../../framework/codec-error.js';
import { need, readUintLE, writeUintLE } from '../../framework/bytes.js';
import { readBcd, writeBcd } from './coding.js';

/** A decoded OMS transport header. */
export interface OmsHeader {
  ci: number;
  kind: 'none' | 'short' | 'long';
  /** Long header: the meter's identification number (8 BCD digits). */
  identificationNo?: number;
  /** Long header: the three-letter FLAG manufacturer code, such as `KAM`. */
  manufacturer?: string;
  /** Long header: the manufacturer code as the 16-bit number on the air. */
  manufacturerCode?: number;
  version?: number;
  /** Long header: device type (medium) code. */
  deviceType?: number;
  /** Long header: device type name, such as `water`. */
  medium?: string;
  accessNo?: number;
  /** Status byte (EN 13757-7 table 8). */
  status?: number;
  /** Configuration field; bits 12..8 give the security mode. */
  configuration?: number;
}

/** Device type (medium) names of EN 13757-7:2018 table 12, for the codes meters use. */
const MEDIA: Record<number, string> = {
  0x00: 'other', 0x01: 'oil', 0x02: 'electricity', 0x03: 'gas', 0x04: 'heatOutlet',
  0x05: 'steam', 0x06: 'warmWater', 0x07: 'water', 0x08: 'heatCostAllocator',
  0x09: 'compressedAir', 0x0a: 'coolingOutlet', 0x0b: 'coolingInlet', 0x0c: 'heatInlet',
  0x0d: 'heatCooling', 0x0e: 'busSystemComponent', 0x0f: 'unknown', 0x15: 'hotWater',
  0x16: 'coldWater', 0x17: 'dualRegisterWater', 0x18: 'pressure', 0x19: 'adConverter',
  0x1a: 'smokeDetector', 0x1b: 'roomSensor', 0x1c: 'gasDetector', 0x20: 'breaker',
  0x21: 'valve', 0x25: 'customerUnit', 0x28: 'wasteWater', 0x29: 'waste',
  0x31: 'communicationController', 0x32: 'repeaterUnidirectional',
  0x33: 'repeaterBidirectional', 0x36: 'radioConverterSystemSide',
  0x37: 'radioConverterMeterSide',
};

/** Medium name of a device type code (`reserved0x..` for codes without one). */
export function mediumName(code: number): string {
  return MEDIA[code] || `reserved0x${(code < 16 ? '0' : '') + code.toString(16)}`;
}

/** Three letters from the 15-bit manufacturer code (EN 13757-7 §7.5.2: 5 bits per letter). */
export function manufacturerLetters(code: number): string {
  return String.fromCharCode(
    ((code >> 10) & 0x1f) + 64,
    ((code >> 5) & 0x1f) + 64,
    (code & 0x1f) + 64,
  );
}

/** The 16-bit code of a three-letter manufacturer id; fails unless it is three letters A..Z. */
export function manufacturerCodeOf(letters: unknown): number {
  if (typeof letters !== 'string' || !/^[A-Z]{3}$/.test(letters)) {
    return fail(`oms header: manufacturer must be three letters A-Z, got ${String(letters)}`);
  }
  return ((letters.charCodeAt(0) - 64) << 10) |
    ((letters.charCodeAt(1) - 64) << 5) |
    (letters.charCodeAt(2) - 64);
}

/**
 * Decodes the CI field and its header at `offset`.
 *
 * @returns the header and the offset of the first application byte.
 * @throws CodecError for an unknown CI or a truncated header.
 * @example decodeOmsHeader([0x7a, 0x06, 0x04, 0, 0], 0).header.accessNo // 6
 */
export function decodeOmsHeader(bytes: number[], offset: number):
  { header: OmsHeader; offset: number } {
  need(bytes, offset, 1, 'oms header: CI field');
  const ci = bytes[offset]!;
  let o = offset + 1;
  if (ci === 0x78) return { header: { ci, kind: 'none' }, offset: o };
  if (ci !== 0x7a && ci !== 0x72) {
    fail(`oms header: unsupported CI field 0x${ci.toString(16)} at offset ${offset} ` +
      '(expected 0x72, 0x78 or 0x7a)', offset);
  }
  const header: OmsHeader = { ci, kind: ci === 0x72 ? 'long' : 'short' };
  if (ci === 0x72) {
    need(bytes, o, 12, 'oms long header');
    const id = readBcd(bytes, o, 4, 'oms long header: identification number');
    if (id === undefined || id < 0) {
      fail(`oms long header: identification number at offset ${o} is not BCD`, o);
    }
    header.identificationNo = id;
    const code = readUintLE(bytes, o + 4, 2, 'oms long header: manufacturer');
    header.manufacturerCode = code;
    header.manufacturer = manufacturerLetters(code);
    header.version = bytes[o + 6]!;
    header.deviceType = bytes[o + 7]!;
    header.medium = mediumName(bytes[o + 7]!);
    o += 8;
  } else {
    need(bytes, o, 4, 'oms short header');
  }
  header.accessNo = bytes[o]!;
  header.status = bytes[o + 1]!;
  header.configuration = readUintLE(bytes, o + 2, 2, 'oms header: configuration');
  o += 4;
  const mode = (header.configuration >> 8) & 0x1f;
  if (mode !== 0) {
    // EN 13757-7 §7.7: with a security mode the records are ciphertext; loire holds no meter
    // keys, so it says so rather than parsing ciphertext as records.
    fail(`oms header: payload encrypted with security mode ${mode} (configuration at offset ` +
      `${o - 2}); decryption is not supported`, o - 2);
  }
  return { header, offset: o };
}

/**
 * Encodes a header (the inverse of {@link decodeOmsHeader}) and appends it to `out`.
 *
 * @throws CodecError naming the missing or out-of-range field.
 */
export function encodeOmsHeader(out: number[], header: OmsHeader): void {
  const ci = header.ci;
  if (ci !== 0x78 && ci !== 0x7a && ci !== 0x72) {
    fail(`oms header: ci must be 0x72, 0x78 or 0x7a, got ${String(ci)}`);
  }
  out.push(ci);
  if (ci === 0x78) return;
  if (ci === 0x72) {
    writeBcd(out, header.identificationNo as number, 4, 'oms header: identificationNo');
    const code = header.manufacturer !== undefined
      ? manufacturerCodeOf(header.manufacturer) : header.manufacturerCode;
    writeUintLE(out, code as number, 2, 'oms header: manufacturerCode');
    writeUintLE(out, header.version as number, 1, 'oms header: version');
    writeUintLE(out, header.deviceType as number, 1, 'oms header: deviceType');
  }
  writeUintLE(out, header.accessNo as number, 1, 'oms header: accessNo');
  writeUintLE(out, header.status as number, 1, 'oms header: status');
  writeUintLE(out, header.configuration ?? 0, 2, 'oms header: configuration');
}
