/**
 * Elsys sensor codecs (type records shared by the ERS family).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { ersCo2Codec } from './ers-co2.js';

/**
 * Every Elsys codec: ERS CO2.
 *
 * @example
 * ```ts
 * elsysCodecs[0].decodeUplink({ bytes: [0x01, 0x00, 0xe2, 0x06, 0x03, 0x08], fPort: 5,
 *   variables: {} }).data; // { temperature: 22.6, co2: 776 }
 * ```
 */
export const elsysCodecs: CodecDefinition[] = [ersCo2Codec];
