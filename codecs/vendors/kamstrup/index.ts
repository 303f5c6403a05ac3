/** Kamstrup water meter codecs. */
import type { CodecDefinition } from '../../framework/types.js';
import { flowIq2200Codec } from './flowiq-2200.js';

export { flowIq2200Codec, decodeFlowIq, encodeFlowIq, normalizeFlowIq } from './flowiq-2200.js';
/** Every Kamstrup codec. */
export const kamstrupCodecs: CodecDefinition[] = [flowIq2200Codec];
