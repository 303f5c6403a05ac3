/**
 * Adeunis sensor codecs (frame code, status byte, body).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { comfortCo2Codec } from './comfort-co2.js';
import { pulse4Codec } from './pulse-4.js';

/**
 * Every Adeunis codec: Pulse 4, Comfort CO2.
 *
 * @example
 * ```ts
 * adeunisCodecs[1].decodeUplink({ bytes: [0x6a, 0x80, 0x01, 0xb3, 0x3e, 0x01, 0xa4],
 *   fPort: 1, variables: {} }).data; // { bytes: { type: '0x6a Comfort CO2 data', ... } }
 * ```
 */
export const adeunisCodecs: CodecDefinition[] = [pulse4Codec, comfortCo2Codec];
