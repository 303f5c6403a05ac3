/**
 * AES-128 block cipher (FIPS-197), table-based on 32-bit words.
 *
 * The state is held as four big-endian column words; each round is four table look-ups per
 * column (the "T-table" form of FIPS-197 §5.1 where SubBytes, ShiftRows and MixColumns are
 * merged). Decryption uses the equivalent inverse cipher (FIPS-197 §5.3.5), whose round keys are
 * passed through InvMixColumns once at key expansion.
 *
 * Limitation: table look-ups are indexed by secret bytes, so this implementation is not
 * hardened against cache-timing attacks by a co-located attacker. LoRaWAN servers and tools in
 * JavaScript accept this trade for speed; a hardware-sharing adversary is out of scope.
 */

/** An expanded AES-128 key that encrypts and decrypts single 16-byte blocks. */
export interface Aes128 {
  /**
   * Encrypts the 16 bytes of `input` starting at `inputOffset` (FIPS-197 §5.1).
   *
   * @param input - at least 16 bytes from `inputOffset`
   * @param output - where to write; a new 16-byte array when omitted (may equal `input`)
   * @param inputOffset - first byte of the block in `input` (default 0)
   * @param outputOffset - first byte written in `output` (default 0)
   * @returns `output`
   * @throws {RangeError} when either array is too short for a block at its offset
   */
  encryptBlock(
    input: Uint8Array,
    output?: Uint8Array,
    inputOffset?: number,
    outputOffset?: number,
  ): Uint8Array;
  /** Decrypts one block (FIPS-197 §5.3); same arguments as {@link Aes128.encryptBlock}. */
  decryptBlock(
    input: Uint8Array,
    output?: Uint8Array,
    inputOffset?: number,
    outputOffset?: number,
  ): Uint8Array;
}

/**
 * Checks that `key` is a 16-byte Uint8Array, throwing a TypeError or RangeError naming `name`.
 * @internal
 */
export function checkKey16(key: unknown, name: string): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array)) {
    throw new TypeError(`${name}: expected a Uint8Array of 16 bytes, got ${describe(key)}`);
  }
  if (key.length !== 16) {
    throw new RangeError(`${name}: expected 16 bytes, got ${key.length}`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

/**
 * The expanded key and the word-level block functions. The other crypto files feed it words
 * directly to avoid byte conversions on hot paths.
 * @internal
 */
export interface Aes128Core extends Aes128 {
  /** Encrypts the four big-endian words in `s` in place. */
  encryptWords(s: Int32Array): void;
  /** Decrypts the four big-endian words in `s` in place. */
  decryptWords(s: Int32Array): void;
  /** The CMAC keyed on this key, made on first need by `key-input.ts`. */
  cmacCache: object | undefined;
}

/**
 * The AES implementation lives in a closure on purpose: bundlers (esbuild, hence tsup) turn
 * top-level `const` into `var`, and V8 then reloads the tables and keeps bounds checks on
 * every look-up. As closure constants V8 folds them; measured about twice as fast.
 * @internal
 */
export const Aes128Core: new (key: Uint8Array) => Aes128Core = /* @__PURE__ */ (() => {
  // Tables (9 KB), filled on first key expansion.
  const SBOX = new Uint8Array(256);
  const INV_SBOX = new Uint8Array(256);
  const E0 = new Int32Array(256);
  const E1 = new Int32Array(256);
  const E2 = new Int32Array(256);
  const E3 = new Int32Array(256);
  const D0 = new Int32Array(256);
  const D1 = new Int32Array(256);
  const D2 = new Int32Array(256);
  const D3 = new Int32Array(256);
  let tablesReady = false;

  /** Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2.1). */
  function xtime(a: number): number {
    return ((a << 1) ^ (a & 0x80 ? 0x1b : 0)) & 0xff;
  }

  function gmul(a: number, b: number): number {
    let p = 0;
    while (b) {
      if (b & 1) p ^= a;
      a = xtime(a);
      b >>= 1;
    }
    return p;
  }

  function buildTables(): void {
    // The S-box is the multiplicative inverse followed by the affine map (FIPS-197 §5.1.1).
    // Walk the field with generator 3 to get inverses without a search.
    const pow = new Uint8Array(256);
    const log = new Uint8Array(256);
    for (let i = 0, x = 1; i < 255; i++) {
      pow[i] = x;
      log[x] = i;
      x = x ^ xtime(x);
    }
    for (let i = 0; i < 256; i++) {
      const inv = i === 0 ? 0 : pow[(255 - log[i]!) % 255]!;
      let s = inv;
      let r = inv;
      for (let k = 0; k < 4; k++) {
        r = ((r << 1) | (r >> 7)) & 0xff;
        s ^= r;
      }
      s ^= 0x63;
      SBOX[i] = s;
      INV_SBOX[s] = i;
    }
    for (let i = 0; i < 256; i++) {
      const s = SBOX[i]!;
      // MixColumns column (2, 1, 1, 3) of the S-box output (FIPS-197 §5.1.3).
      const e = (gmul(s, 2) << 24) | (s << 16) | (s << 8) | gmul(s, 3);
      E0[i] = e;
      E1[i] = (e >>> 8) | (e << 24);
      E2[i] = (e >>> 16) | (e << 16);
      E3[i] = (e >>> 24) | (e << 8);
      const v = INV_SBOX[i]!;
      // InvMixColumns column (14, 9, 13, 11) of the inverse S-box output (FIPS-197 §5.3.3).
      const d = (gmul(v, 14) << 24) | (gmul(v, 9) << 16) | (gmul(v, 13) << 8) | gmul(v, 11);
      D0[i] = d;
      D1[i] = (d >>> 8) | (d << 24);
      D2[i] = (d >>> 16) | (d << 16);
      D3[i] = (d >>> 24) | (d << 8);
    }
    tablesReady = true;
  }


  class Core implements Aes128Core {
    /** Encryption round keys, 44 words (FIPS-197 §5.2). */
    private readonly ek: Int32Array;
    /** Decryption round keys of the equivalent inverse cipher (FIPS-197 §5.3.5). */
    private readonly dk: Int32Array;
    /** The CMAC keyed on this key, made on first need by `key-input.ts`. */
    cmacCache: object | undefined = undefined;

    constructor(key: Uint8Array) {
      if (!tablesReady) buildTables();
      const ek = new Int32Array(44);
      for (let i = 0; i < 4; i++) {
        const o = 4 * i;
        ek[i] = (key[o]! << 24) | (key[o + 1]! << 16) | (key[o + 2]! << 8) | key[o + 3]!;
      }
      let rcon = 1;
      for (let i = 4; i < 44; i++) {
        let t = ek[i - 1]!;
        if (i % 4 === 0) {
          // RotWord, SubWord and Rcon (FIPS-197 §5.2).
          t =
            (SBOX[(t >>> 16) & 255]! << 24) |
            (SBOX[(t >>> 8) & 255]! << 16) |
            (SBOX[t & 255]! << 8) |
            SBOX[t >>> 24]!;
          t ^= rcon << 24;
          rcon = xtime(rcon);
        }
        ek[i] = ek[i - 4]! ^ t;
      }
      const dk = new Int32Array(44);
      for (let r = 0; r <= 10; r++) {
        for (let c = 0; c < 4; c++) {
          const w = ek[4 * (10 - r) + c]!;
          dk[4 * r + c] =
            r === 0 || r === 10
              ? w
              : D0[SBOX[w >>> 24]!]! ^
                D1[SBOX[(w >>> 16) & 255]!]! ^
                D2[SBOX[(w >>> 8) & 255]!]! ^
                D3[SBOX[w & 255]!]!;
        }
      }
      this.ek = ek;
      this.dk = dk;
    }

    /** Encrypts the four big-endian words in `s` in place. */
    encryptWords(s: Int32Array): void {
      const k = this.ek;
      let s0 = s[0]! ^ k[0]!;
      let s1 = s[1]! ^ k[1]!;
      let s2 = s[2]! ^ k[2]!;
      let s3 = s[3]! ^ k[3]!;
      // Rounds 1..9 written out: V8 runs the unrolled form about 25% faster than a loop
      // (measured in bench conditions); each is SubBytes, ShiftRows, MixColumns and
      // AddRoundKey as four table look-ups per column (FIPS-197 §5.1, §5.3.5).
      let t0: number, t1: number, t2: number, t3: number;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[4]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[5]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[6]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[7]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[8]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[9]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[10]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[11]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[12]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[13]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[14]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[15]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[16]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[17]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[18]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[19]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[20]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[21]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[22]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[23]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[24]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[25]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[26]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[27]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[28]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[29]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[30]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[31]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[32]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[33]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[34]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[35]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = E0[s0 >>> 24]! ^ E1[(s1 >>> 16) & 255]! ^ E2[(s2 >>> 8) & 255]! ^
        E3[s3 & 255]! ^ k[36]!;
      t1 = E0[s1 >>> 24]! ^ E1[(s2 >>> 16) & 255]! ^ E2[(s3 >>> 8) & 255]! ^
        E3[s0 & 255]! ^ k[37]!;
      t2 = E0[s2 >>> 24]! ^ E1[(s3 >>> 16) & 255]! ^ E2[(s0 >>> 8) & 255]! ^
        E3[s1 & 255]! ^ k[38]!;
      t3 = E0[s3 >>> 24]! ^ E1[(s0 >>> 16) & 255]! ^ E2[(s1 >>> 8) & 255]! ^
        E3[s2 & 255]! ^ k[39]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      // Last round has no MixColumns (FIPS-197 §5.1).
      s[0] = ((SBOX[s0 >>> 24]! << 24) | (SBOX[(s1 >>> 16) & 255]! << 16) |
        (SBOX[(s2 >>> 8) & 255]! << 8) | SBOX[s3 & 255]!) ^ k[40]!;
      s[1] = ((SBOX[s1 >>> 24]! << 24) | (SBOX[(s2 >>> 16) & 255]! << 16) |
        (SBOX[(s3 >>> 8) & 255]! << 8) | SBOX[s0 & 255]!) ^ k[41]!;
      s[2] = ((SBOX[s2 >>> 24]! << 24) | (SBOX[(s3 >>> 16) & 255]! << 16) |
        (SBOX[(s0 >>> 8) & 255]! << 8) | SBOX[s1 & 255]!) ^ k[42]!;
      s[3] = ((SBOX[s3 >>> 24]! << 24) | (SBOX[(s0 >>> 16) & 255]! << 16) |
        (SBOX[(s1 >>> 8) & 255]! << 8) | SBOX[s2 & 255]!) ^ k[43]!;
    }

    /** Decrypts the four big-endian words in `s` in place. */
    decryptWords(s: Int32Array): void {
      const k = this.dk;
      let s0 = s[0]! ^ k[0]!;
      let s1 = s[1]! ^ k[1]!;
      let s2 = s[2]! ^ k[2]!;
      let s3 = s[3]! ^ k[3]!;
      // Rounds 1..9 written out: V8 runs the unrolled form about 25% faster than a loop
      // (measured in bench conditions); each is SubBytes, ShiftRows, MixColumns and
      // AddRoundKey as four table look-ups per column (FIPS-197 §5.1, §5.3.5).
      let t0: number, t1: number, t2: number, t3: number;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[4]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[5]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[6]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[7]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[8]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[9]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[10]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[11]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[12]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[13]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[14]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[15]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[16]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[17]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[18]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[19]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[20]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[21]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[22]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[23]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[24]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[25]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[26]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[27]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[28]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[29]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[30]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[31]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[32]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[33]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[34]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[35]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^
        D3[s1 & 255]! ^ k[36]!;
      t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^
        D3[s2 & 255]! ^ k[37]!;
      t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^
        D3[s3 & 255]! ^ k[38]!;
      t3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^
        D3[s0 & 255]! ^ k[39]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
      s[0] = ((INV_SBOX[s0 >>> 24]! << 24) | (INV_SBOX[(s3 >>> 16) & 255]! << 16) |
        (INV_SBOX[(s2 >>> 8) & 255]! << 8) | INV_SBOX[s1 & 255]!) ^ k[40]!;
      s[1] = ((INV_SBOX[s1 >>> 24]! << 24) | (INV_SBOX[(s0 >>> 16) & 255]! << 16) |
        (INV_SBOX[(s3 >>> 8) & 255]! << 8) | INV_SBOX[s2 & 255]!) ^ k[41]!;
      s[2] = ((INV_SBOX[s2 >>> 24]! << 24) | (INV_SBOX[(s1 >>> 16) & 255]! << 16) |
        (INV_SBOX[(s0 >>> 8) & 255]! << 8) | INV_SBOX[s3 & 255]!) ^ k[42]!;
      s[3] = ((INV_SBOX[s3 >>> 24]! << 24) | (INV_SBOX[(s2 >>> 16) & 255]! << 16) |
        (INV_SBOX[(s1 >>> 8) & 255]! << 8) | INV_SBOX[s0 & 255]!) ^ k[43]!;
    }

    encryptBlock(
      input: Uint8Array,
      output?: Uint8Array,
      inputOffset = 0,
      outputOffset = 0,
    ): Uint8Array {
      return this.block(input, output, inputOffset, outputOffset, true);
    }

    decryptBlock(
      input: Uint8Array,
      output?: Uint8Array,
      inputOffset = 0,
      outputOffset = 0,
    ): Uint8Array {
      return this.block(input, output, inputOffset, outputOffset, false);
    }

    private block(
      input: Uint8Array,
      output: Uint8Array | undefined,
      inOff: number,
      outOff: number,
      encrypt: boolean,
    ): Uint8Array {
      checkBlockRoom(input, inOff, 'input', 'inputOffset');
      const out = output ?? new Uint8Array(16);
      checkBlockRoom(out, outOff, 'output', 'outputOffset');
      const s = SCRATCH;
      loadWords(input, inOff, s);
      if (encrypt) this.encryptWords(s);
      else this.decryptWords(s);
      storeWords(s, out, outOff);
      return out;
    }
  }

  return Core;
})();

/** Shared state for the byte-level entry points (single-threaded, never re-entered). */
const SCRATCH = new Int32Array(4);

function checkBlockRoom(a: unknown, off: number, name: string, offName: string): void {
  if (!(a instanceof Uint8Array)) {
    throw new TypeError(`${name}: expected a Uint8Array, got ${describe(a)}`);
  }
  if (!Number.isInteger(off) || off < 0 || off + 16 > a.length) {
    throw new RangeError(
      `${name}: expected 16 bytes from ${offName} ${off}, got an array of ${a.length}`,
    );
  }
}

/** Reads 16 bytes at `off` as four big-endian words. @internal */
export function loadWords(b: Uint8Array, off: number, s: Int32Array): void {
  for (let i = 0; i < 4; i++, off += 4) {
    s[i] = (b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!;
  }
}

/** Writes four big-endian words as 16 bytes at `off`. @internal */
export function storeWords(s: Int32Array, b: Uint8Array, off: number): void {
  for (let i = 0; i < 4; i++, off += 4) {
    const w = s[i]!;
    b[off] = w >>> 24;
    b[off + 1] = (w >>> 16) & 255;
    b[off + 2] = (w >>> 8) & 255;
    b[off + 3] = w & 255;
  }
}

/**
 * Expands an AES-128 key once for any number of single-block operations.
 *
 * @param key - 16 bytes
 * @returns a keyed object with `encryptBlock` and `decryptBlock`
 * @throws {TypeError} when `key` is not a Uint8Array
 * @throws {RangeError} when `key` is not 16 bytes long
 * @example
 * ```ts
 * const aes = createAes128(hexToBytes('2b7e151628aed2a6abf7158809cf4f3c'));
 * const ct = aes.encryptBlock(hexToBytes('6bc1bee22e409f96e93d7e117393172a'));
 * // ct = 3ad77bb40d7a3660a89ecaf32466ef97 (NIST SP 800-38A F.1.1)
 * ```
 */
export function createAes128(key: Uint8Array): Aes128 {
  checkKey16(key, 'key');
  return new Aes128Core(key);
}
