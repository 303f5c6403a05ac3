/**
 * Independent references built on node:crypto (tests only): AES-128-ECB, and CMAC written
 * from RFC 4493 §2.3-§2.4 over node's AES-CBC, plus the LoRaWAN blocks assembled byte by byte
 * with Buffer methods, so the library's word-level code is checked against a different path.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { hexToBytes } from '../../src/bytes/hex.js';

export const hex = (s: string): Uint8Array => hexToBytes(s);
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

export function aesEcbEncrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv('aes-128-ecb', key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

export function aesEcbDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createDecipheriv('aes-128-ecb', key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

function shiftLeft(b: Buffer): Buffer {
  const out = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i]! << 1) | (i < 15 ? b[i + 1]! >> 7 : 0)) & 0xff;
  if (b[0]! & 0x80) out[15]! ^= 0x87;
  return out;
}

/** RFC 4493 CMAC: subkeys from ECB, then the padded, key-xored message through AES-CBC. */
export function cmacOracle(key: Uint8Array, message: Uint8Array): Uint8Array {
  const l = Buffer.from(aesEcbEncrypt(key, new Uint8Array(16)));
  const k1 = shiftLeft(l);
  const k2 = shiftLeft(k1);
  const n = Math.max(1, Math.ceil(message.length / 16));
  const complete = message.length > 0 && message.length % 16 === 0;
  const m = Buffer.alloc(n * 16);
  Buffer.from(message).copy(m);
  if (!complete) m[message.length] = 0x80;
  const sub = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) m[(n - 1) * 16 + i]! ^= sub[i]!;
  const c = createCipheriv('aes-128-cbc', key, Buffer.alloc(16));
  c.setAutoPadding(false);
  const out = Buffer.concat([c.update(m), c.final()]);
  return new Uint8Array(out.subarray(out.length - 16));
}

/** B0 of TS001-1.0.4 §4.4 written with Buffer writers. */
export function b0Oracle(dir: number, devAddr: number, fCnt: number, len: number): Buffer {
  const b = Buffer.alloc(16);
  b[0] = 0x49;
  b[5] = dir;
  b.writeUInt32LE(devAddr, 6);
  b.writeUInt32LE(fCnt, 10);
  b[15] = len;
  return b;
}

/** 1.0 data MIC via the oracle CMAC. */
export function dataMic10Oracle(
  key: Uint8Array,
  dir: number,
  devAddr: number,
  fCnt: number,
  msg: Uint8Array,
): Uint8Array {
  const input = Buffer.concat([b0Oracle(dir, devAddr, fCnt, msg.length), msg]);
  return cmacOracle(key, input).subarray(0, 4);
}

/** FRMPayload key stream via node's ECB, A_i blocks with Buffer writers (§4.3.3.1). */
export function frmPayloadOracle(
  key: Uint8Array,
  dir: number,
  devAddr: number,
  fCnt: number,
  data: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i * 16 < data.length; i++) {
    const a = Buffer.alloc(16);
    a[0] = 0x01;
    a[5] = dir;
    a.writeUInt32LE(devAddr, 6);
    a.writeUInt32LE(fCnt, 10);
    a[15] = i + 1;
    const s = aesEcbEncrypt(key, a);
    for (let j = 0; j < 16 && i * 16 + j < data.length; j++) {
      out[i * 16 + j] = data[i * 16 + j]! ^ s[j]!;
    }
  }
  return out;
}
