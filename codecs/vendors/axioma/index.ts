/** Axioma water meter codecs. */
import type { CodecDefinition } from '../../framework/types.js';
import { qalcosonicW1Codec } from './qalcosonic-w1.js';

export { qalcosonicW1Codec, decodeW1, encodeW1, normalizeW1 } from './qalcosonic-w1.js';
/** Every Axioma codec. */
export const axiomaCodecs: CodecDefinition[] = [qalcosonicW1Codec];
