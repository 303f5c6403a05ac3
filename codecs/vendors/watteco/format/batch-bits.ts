/**
 * Bit streams of Watteco batch reports ("br_uncompress" format, Watteco/nke "Batch report"
 * application note). Bits are taken from each byte least significant first. A field of n bits
 * is split in byte-sized chunks stored most significant chunk first, the first chunk holding the
 * n mod 8 high bits; Huffman codes are read most significant bit first.
 */
import { fail } from '../../../framework/codec-error.js';

/** Huffman tables of the batch format: entry index is the code's "bi" value, 0 to 15. */
export const BATCH_HUFFMAN: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  // [size in bits, code]
  [
    [2, 0x000], [2, 0x001], [2, 0x003], [3, 0x005], [4, 0x009], [5, 0x011], [6, 0x021],
    [7, 0x041], [8, 0x081], [10, 0x200], [11, 0x402], [11, 0x403], [11, 0x404], [11, 0x405],
    [11, 0x406], [11, 0x407],
  ],
  [
    [7, 0x06f], [5, 0x01a], [4, 0x00c], [3, 0x003], [3, 0x007], [2, 0x002], [2, 0x000],
    [3, 0x002], [6, 0x036], [9, 0x1bb], [9, 0x1b9], [10, 0x375], [10, 0x374], [10, 0x370],
    [11, 0x6e3], [11, 0x6e2],
  ],
  [
    [4, 0x009], [3, 0x005], [2, 0x000], [2, 0x001], [2, 0x003], [5, 0x011], [6, 0x021],
    [7, 0x041], [8, 0x081], [10, 0x200], [11, 0x402], [11, 0x403], [11, 0x404], [11, 0x405],
    [11, 0x406], [11, 0x407],
  ],
];

/** The largest "bi" that still means a delta; above it a raw value follows. */
export const BI_MAX_DELTA = 14;

/** Reads the batch bit stream of `bytes`, failing (never reading past the end) with `what`. */
export class BitReader {
  pos = 0;
  constructor(
    private readonly bytes: number[],
    private readonly what: string,
  ) {}

  private bit(): number {
    const byteIndex = this.pos >> 3;
    if (byteIndex >= this.bytes.length) {
      fail(`${this.what}: frame ends inside the bit stream (bit ${this.pos})`, byteIndex);
    }
    const b = (this.bytes[byteIndex]! >> (this.pos & 7)) & 1;
    this.pos++;
    return b;
  }

  /** An unsigned field of `n` bits (1 to 32). */
  readBits(n: number): number {
    let value = 0;
    let inChunk = n % 8 === 0 ? 8 : n % 8;
    for (let chunk = Math.floor((n - 1) / 8); chunk >= 0; chunk--) {
      for (let b = 0; b < inChunk; b++) if (this.bit()) value += Math.pow(2, chunk * 8 + b);
      inChunk = 8;
    }
    return value;
  }

  /** A two's-complement field of `n` bits. */
  readSigned(n: number): number {
    const v = this.readBits(n);
    return v >= Math.pow(2, n - 1) ? v - Math.pow(2, n) : v;
  }

  /** The index ("bi") of the next Huffman code of `table`. */
  readHuffman(table: number): number {
    const codes = BATCH_HUFFMAN[table];
    if (codes === undefined) fail(`${this.what}: no Huffman table ${table}`, this.pos >> 3);
    const start = this.pos;
    let pattern = 0;
    for (let size = 1; size <= 11; size++) {
      if ((this.pos >> 3) >= this.bytes.length) break;
      pattern = pattern * 2 + this.bit();
      for (let i = 0; i < codes.length; i++) {
        if (codes[i]![0] === size && codes[i]![1] === pattern) return i;
      }
    }
    fail(`${this.what}: no Huffman code of table ${table} at bit ${start}`, start >> 3);
  }
}

/** Writes a batch bit stream; the mirror of {@link BitReader}. */
export class BitWriter {
  private readonly out: number[] = [];
  private pos = 0;

  private bit(b: number): void {
    if ((this.pos & 7) === 0) this.out.push(0);
    if (b) this.out[this.out.length - 1] |= 1 << (this.pos & 7);
    this.pos++;
  }

  /** Appends `value` (unsigned, must fit) as an `n`-bit field. */
  writeBits(value: number, n: number, what: string): void {
    if (value !== Math.floor(value) || value < 0 || value >= Math.pow(2, n)) {
      fail(`${what}: ${String(value)} does not fit in ${n} unsigned bits`);
    }
    let inChunk = n % 8 === 0 ? 8 : n % 8;
    for (let chunk = Math.floor((n - 1) / 8); chunk >= 0; chunk--) {
      const byteValue = Math.floor(value / Math.pow(2, chunk * 8)) % 256;
      for (let b = 0; b < inChunk; b++) this.bit((byteValue >> b) & 1);
      inChunk = 8;
    }
  }

  /** Appends `value` as an `n`-bit two's-complement field. */
  writeSigned(value: number, n: number, what: string): void {
    const half = Math.pow(2, n - 1);
    if (value !== Math.floor(value) || value < -half || value >= half) {
      fail(`${what}: ${String(value)} does not fit in ${n} signed bits`);
    }
    this.writeBits(value < 0 ? value + 2 * half : value, n, what);
  }

  /** Appends the Huffman code of index `bi` in `table`, most significant bit first. */
  writeHuffman(table: number, bi: number): void {
    const [size, code] = BATCH_HUFFMAN[table]![bi]!;
    for (let i = size - 1; i >= 0; i--) this.bit((code >> i) & 1);
  }

  bytes(): number[] {
    return this.out.slice();
  }
}
