/** NanoSense codecs: EP5000, on the fixed-frame format in `format/`. */
import type { CodecDefinition } from '../../framework/types.js';
import { ep5000 } from './ep5000.js';

export { ep5000 };

/** Every NanoSense codec, for the registry. */
export const nanosenseCodecs: CodecDefinition[] = [ep5000];
