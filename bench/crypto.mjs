/**
 * Crypto speed: one AES-128 block and CMAC of 32 bytes with a reused key, loire against
 * node:crypto and @noble/ciphers in the same process; plus the 1.0 uplink path built from
 * loire's primitives (MIC check and FRMPayload decryption of a 12-byte payload).
 * Every contender's output is compared with loire's before timing; a mismatch throws.
 */
import { createCipheriv } from 'node:crypto';
import b from 'benny';
import { cmac as nobleCmac, unsafe as nobleUnsafe } from '@noble/ciphers/aes.js';
import {
  createAes128,
  createCmac,
  decryptFrmPayload,
  encryptFrmPayload,
  computeUplinkMic10,
  verifyUplinkMic10,
} from '../dist/index.js';

const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
const same = (a, c, what) => {
  if (Buffer.compare(Buffer.from(a), Buffer.from(c)) !== 0) {
    throw new Error(`${what}: outputs differ (${Buffer.from(a).toString('hex')} vs ` +
      `${Buffer.from(c).toString('hex')})`);
  }
};

const KEY = hex('2b7e151628aed2a6abf7158809cf4f3c');
const BLOCK = hex('6bc1bee22e409f96e93d7e117393172a');
const MSG32 = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');

/** node:crypto ECB cipher kept open: ECB update() of one block is a reused-key block call. */
function nodeEcb(key) {
  const c = createCipheriv('aes-128-ecb', key, null);
  c.setAutoPadding(false);
  return (block) => c.update(block);
}

/** RFC 4493 CMAC with subkeys computed once, AES from node:crypto (a reused-key oracle). */
function nodeCmac(key) {
  const enc = nodeEcb(key);
  const dbl = (l) => {
    const o = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) o[i] = ((l[i] << 1) | (i < 15 ? l[i + 1] >> 7 : 0)) & 0xff;
    if (l[0] & 0x80) o[15] ^= 0x87;
    return o;
  };
  const k1 = dbl(enc(Buffer.alloc(16)));
  const k2 = dbl(k1);
  return (m) => {
    let x = Buffer.alloc(16);
    const n = Math.max(1, Math.ceil(m.length / 16));
    for (let i = 0; i < n; i++) {
      const blk = Buffer.alloc(16);
      const part = m.subarray(16 * i, 16 * i + 16);
      blk.set(part);
      if (i === n - 1) {
        const full = part.length === 16;
        if (!full) blk[part.length] = 0x80;
        const k = full ? k1 : k2;
        for (let j = 0; j < 16; j++) blk[j] ^= k[j];
      }
      for (let j = 0; j < 16; j++) blk[j] ^= x[j];
      x = enc(blk);
    }
    return x;
  };
}

function aesSuite() {
  const loire = createAes128(KEY);
  const out = new Uint8Array(16);
  const node = nodeEcb(KEY);
  const xk = nobleUnsafe.expandKeyLE(KEY);
  const expected = loire.encryptBlock(BLOCK);
  same(expected, hex('3ad77bb40d7a3660a89ecaf32466ef97'), 'loire AES vs SP 800-38A');
  same(node(BLOCK), expected, 'node:crypto AES');
  same(nobleUnsafe.encryptBlock(xk, BLOCK.slice()), expected, 'noble AES');
  return b.suite(
    'AES-128 encrypt, one block, key expanded once',
    b.add('loire createAes128().encryptBlock (output reused)', () => {
      loire.encryptBlock(BLOCK, out);
    }),
    b.add('node:crypto aes-128-ecb cipher.update', () => {
      node(BLOCK);
    }),
    b.add('@noble/ciphers unsafe.encryptBlock (expanded key)', () => {
      nobleUnsafe.encryptBlock(xk, BLOCK.slice());
    }),
    b.cycle(),
    b.complete(),
  );
}

function cmacSuite() {
  const loire = createCmac(KEY);
  const out = new Uint8Array(16);
  const node = nodeCmac(KEY);
  const expected = loire.mac(MSG32);
  same(node(MSG32), expected, 'node:crypto CMAC oracle');
  same(nobleCmac(MSG32, KEY), expected, 'noble cmac');
  return b.suite(
    'AES-CMAC of 32 bytes, key reused',
    b.add('loire createCmac().mac (output reused)', () => {
      loire.mac(MSG32, out);
    }),
    b.add('RFC 4493 oracle on node:crypto ECB (subkeys once)', () => {
      node(MSG32);
    }),
    b.add('@noble/ciphers cmac (expands the key each call)', () => {
      nobleCmac(MSG32, KEY);
    }),
    b.cycle(),
    b.complete(),
  );
}

function uplinkPath() {
  // A 1.0 unconfirmed uplink with FPort 1 and a 12-byte FRMPayload, built with loire and
  // cross-checked against the node:crypto CMAC oracle before timing.
  const nwkSKey = hex('44024241ed4ce9a68c6a8bc055233fd3');
  const appSKey = hex('ec925802ae430ca77fd3dd73cb2cc588');
  const devAddr = 0x49be7df1;
  const fCnt = 2;
  const plain = hex('0102030405060708090a0b0c');
  const frm = encryptFrmPayload(appSKey, { direction: 'up', devAddr, fCnt, payload: plain });
  const msg = new Uint8Array([0x40, 0xf1, 0x7d, 0xbe, 0x49, 0x00, 0x02, 0x00, 0x01, ...frm]);
  const mic = computeUplinkMic10(nwkSKey, { devAddr, fCnt, message: msg });
  const frame = new Uint8Array([...msg, ...mic]);
  const b0 = Buffer.alloc(16);
  b0[0] = 0x49;
  b0.writeUInt32LE(devAddr, 6);
  b0.writeUInt32LE(fCnt, 10);
  b0[15] = msg.length;
  same(mic, nodeCmac(nwkSKey)(Buffer.concat([b0, msg])).subarray(0, 4), 'uplink MIC oracle');
  const nwk = createCmac(nwkSKey);
  const app = createAes128(appSKey);
  const out = new Uint8Array(12);
  const path = () => {
    // The slicing a decoder does for this frame shape, then MIC check and decryption.
    const addr = (frame[1] | (frame[2] << 8) | (frame[3] << 16) | (frame[4] << 24)) >>> 0;
    const cnt = frame[6] | (frame[7] << 8);
    const end = frame.length - 4;
    const input = { devAddr: addr, fCnt: cnt, message: frame.subarray(0, end) };
    const ok = verifyUplinkMic10(nwk, input, frame.subarray(end));
    if (!ok) throw new Error('MIC');
    return decryptFrmPayload(app, { direction: 'up', devAddr: addr, fCnt: cnt,
      payload: frame.subarray(9, end) }, out);
  };
  same(path(), plain, 'uplink path plaintext');
  return path;
}

function uplinkSuite() {
  const path = uplinkPath();
  return b.suite(
    '1.0 uplink, 12-byte payload: slice + MIC check + FRMPayload decrypt (keys expanded once)',
    b.add('loire primitives (verifyUplinkMic10 + decryptFrmPayload)', path),
    b.cycle(),
    b.complete(),
  );
}

/**
 * Operations per second of CPU time given to this process (process.cpuUsage), next to benny's
 * wall-clock figures: on a machine shared with other jobs, wall time also counts the time the
 * process waited for a core, CPU time does not.
 */
function perCpuSecond(name, fn, n) {
  for (let i = 0; i < n / 10; i++) fn();
  const best = [];
  for (let r = 0; r < 5; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const u = process.cpuUsage(t);
    best.push(n / ((u.user + u.system) / 1e6));
  }
  best.sort((a, b) => b - a);
  console.log(`  ${name}: median ${Math.round(best[2]).toLocaleString('en')} / CPU-second, ` +
    `best ${Math.round(best[0]).toLocaleString('en')}`);
}

function cpuTimeReport() {
  console.log('Per CPU-second (median and best of 5 runs):');
  const aes = createAes128(KEY);
  const out = new Uint8Array(16);
  perCpuSecond('loire AES-128 block', () => aes.encryptBlock(BLOCK, out), 2_000_000);
  const c = createCmac(KEY);
  perCpuSecond('loire CMAC 32 bytes', () => c.mac(MSG32, out), 1_000_000);
  perCpuSecond('loire 1.0 uplink path (12-byte payload)', uplinkPath(), 500_000);
}

/** Runs the crypto suites one after the other and returns benny's summaries. */
export default async function cryptoBench() {
  const summaries = [await aesSuite(), await cmacSuite(), await uplinkSuite()];
  cpuTimeReport();
  return summaries;
}
