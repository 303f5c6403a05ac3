/** Sensus water meter codecs. */
import type { CodecDefinition } from '../../framework/types.js';
import { iperlCodec } from './iperl.js';

export { iperlCodec, decodeIperl, encodeIperl, normalizeIperl } from './iperl.js';
/** Every Sensus codec. */
export const sensusCodecs: CodecDefinition[] = [iperlCodec];
