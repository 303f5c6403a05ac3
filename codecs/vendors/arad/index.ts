/** Arad water meter codecs. */
import type { CodecDefinition } from '../../framework/types.js';
import { sonataCodec } from './sonata.js';

export { sonataCodec, decodeSonata, encodeSonata, normalizeSonata } from './sonata.js';
/** Every Arad codec. */
export const aradCodecs: CodecDefinition[] = [sonataCodec];
