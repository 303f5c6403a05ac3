/**
 * Adeunis downlinks common to the products (Adeunis technical reference manuals, "Downlink
 * frames"): 0x01 read the application configuration (answered by 0x10), 0x02 read the
 * network configuration (answered by 0x20), 0x40 read registers, 0x41 write registers.
 * Registers are numbered from 300; a frame carries register - 300 in one byte.
 */
import { fail } from '../../../framework/codec-error.js';
import { writeUintBE } from '../../../framework/bytes.js';

/** One register write: the register number, its value and its byte size. */
export interface RegisterWrite {
  register: number;
  value: number;
  /** Register width in bytes (1, 2 or 4), from the product's register table. */
  size: number;
}

const WHAT = 'downlink';

function registerByte(register: unknown): number {
  if (typeof register !== 'number' || register !== Math.floor(register) || register < 300 ||
    register > 555) {
    fail(`${WHAT}: register numbers run from 300 to 555, got ${String(register)}`);
  }
  return register - 300;
}

/**
 * Encodes `{getAppConfig: true}`, `{getNetworkConfig: true}`, `{getRegisters: [300, 301]}` or
 * `{setRegisters: [{register, value, size}]}`.
 * @throws CodecError for anything else.
 */
export function encodeAdeunisDownlink(data: unknown): number[] {
  if (typeof data !== 'object' || data === null) fail(`${WHAT}: data must be an object`);
  const keys = Object.keys(data);
  if (keys.length !== 1) fail(`${WHAT}: exactly one command expected, got ${keys.length}`);
  const name = keys[0]!;
  const v = (data as Record<string, unknown>)[name];
  if (name === 'getAppConfig' || name === 'getNetworkConfig') {
    if (v !== true) fail(`${WHAT}: ${name} must be true`);
    return [name === 'getAppConfig' ? 0x01 : 0x02];
  }
  if (name === 'getRegisters') {
    if (!(v instanceof Array) || v.length === 0) fail(`${WHAT}: getRegisters lists registers`);
    return [0x40].concat((v as unknown[]).map(registerByte));
  }
  if (name === 'setRegisters') {
    if (!(v instanceof Array) || v.length === 0) fail(`${WHAT}: setRegisters lists writes`);
    const out = [0x41];
    for (const w of v as RegisterWrite[]) {
      out.push(registerByte(w.register));
      if (w.size !== 1 && w.size !== 2 && w.size !== 4) {
        fail(`${WHAT}: register size is 1, 2 or 4`);
      }
      writeUintBE(out, w.value, w.size, `${WHAT} register ${w.register}`);
    }
    return out;
  }
  fail(`${WHAT}: unknown command ${name}`);
}

/**
 * Decodes a downlink. A register write does not carry the registers' widths, so it decodes
 * only when every register is in `registerSizes` (register number to bytes).
 * @throws CodecError for an unknown code, a bad length or an unknown register width.
 */
export function decodeAdeunisDownlink(bytes: number[],
  registerSizes: Record<number, number>): Record<string, unknown> {
  if (bytes.length === 0) fail(`${WHAT}: empty frame`);
  const code = bytes[0]!;
  if ((code === 0x01 || code === 0x02) && bytes.length === 1) {
    return code === 0x01 ? { getAppConfig: true } : { getNetworkConfig: true };
  }
  if (code === 0x40 && bytes.length > 1) {
    return { getRegisters: bytes.slice(1).map((b) => b + 300) };
  }
  if (code === 0x41 && bytes.length > 1) {
    const writes: RegisterWrite[] = [];
    let o = 1;
    while (o < bytes.length) {
      const register = bytes[o]! + 300;
      const size = registerSizes[register];
      if (size === undefined) {
        fail(`${WHAT}: width of register ${register} unknown (offset ${o})`, o);
      }
      if (o + 1 + size > bytes.length) {
        fail(`${WHAT}: register ${register} needs ${size} bytes at offset ${o + 1}`, o + 1);
      }
      let value = 0;
      for (let i = 0; i < size; i++) value = value * 256 + bytes[o + 1 + i]!;
      writes.push({ register, value, size });
      o += 1 + size;
    }
    return { setRegisters: writes };
  }
  fail(`${WHAT}: unknown downlink code 0x${(code < 16 ? '0' : '') + code.toString(16)} ` +
    `or bad length ${bytes.length}`, 0);
}
