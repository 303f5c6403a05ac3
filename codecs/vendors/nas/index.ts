/**
 * NAS (Nordic Automation Systems) device codecs: one packet layout per FPort and header,
 * shared by the UL20xx light controllers and the CM30xx/UM30xx meter readers.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { cm30xxCodec } from './cm30xx.js';
import { ul20xxCodec } from './ul20xx.js';
import { um30xxCodec } from './um30xx.js';

/**
 * Every NAS codec.
 *
 * @example
 * ```ts
 * nasCodecs[0].decodeUplink({ bytes: [0x01, 0xfe, 0x64], fPort: 60, variables: {} }).data;
 * // { packet_type: 'manual_dimming',
 * //   destination: [{ address: 'dali_broadcast', dimming_level__percent: 100 }] }
 * ```
 */
export const nasCodecs: CodecDefinition[] = [ul20xxCodec, cm30xxCodec, um30xxCodec];
