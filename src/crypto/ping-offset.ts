/**
 * Class B ping-slot offset (TS001-1.0.4 §13, TS001-1.1 §14.2 "Ping slot randomization").
 */
import { Aes128Core } from './aes.js';
import { checkUint } from './params.js';

/** The spec's fixed all-zero key for the ping randomisation. */
let zeroKeyAes: Aes128Core | undefined;
const BLOCK = new Uint8Array(16);
const RAND = new Uint8Array(16);

/** What {@link computePingOffset} needs. */
export interface PingOffsetInput {
  /** BeaconTime of the beacon opening the period: GPS seconds, 32 bits. */
  beaconTime: number;
  /** DevAddr as people read it (big-endian number); the block carries it LE. */
  devAddr: number;
  /** 2^12 / pingNb slots: 32, 64, ..., 4096 (a power of two). */
  pingPeriod: number;
}

/**
 * The ping offset of a Class B device for one beacon period: Rand = aes128_encrypt(16 x 0x00,
 * BeaconTime (LE 4) | DevAddr (LE 4) | pad16), offset = (Rand[0] + Rand[1] * 256) mod
 * pingPeriod.
 *
 * @param input - beaconTime, devAddr, pingPeriod
 * @returns the offset in slots, 0 .. pingPeriod - 1
 * @throws {RangeError} when pingPeriod is not a power of two from 32 to 4096, or a number
 *   does not fit its field
 * @example computePingOffset({ beaconTime: 0, devAddr: 0, pingPeriod: 32 }) // 6
 */
export function computePingOffset(input: PingOffsetInput): number {
  const beaconTime = checkUint(input.beaconTime, 'beaconTime', 32);
  const devAddr = checkUint(input.devAddr, 'devAddr', 32);
  const pingPeriod = checkUint(input.pingPeriod, 'pingPeriod', 32);
  // pingPeriod = 2^12 / pingNb with pingNb = 2^k, k = 0..7 (TS001-1.1 §14.2).
  if (pingPeriod < 32 || pingPeriod > 4096 || (pingPeriod & (pingPeriod - 1)) !== 0) {
    throw new RangeError(
      `pingPeriod: expected a power of two from 32 to 4096, got ${pingPeriod}`,
    );
  }
  zeroKeyAes ??= new Aes128Core(new Uint8Array(16));
  BLOCK.fill(0);
  for (let i = 0; i < 4; i++) {
    BLOCK[i] = (beaconTime >>> (8 * i)) & 0xff;
    BLOCK[4 + i] = (devAddr >>> (8 * i)) & 0xff;
  }
  zeroKeyAes.encryptBlock(BLOCK, RAND);
  return (RAND[0]! + RAND[1]! * 256) % pingPeriod;
}
