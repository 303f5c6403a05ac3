/**
 * Elsys sensor codecs (type records shared by the ERS family).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { ersCo2Codec } from './ers-co2.js';

/** Every Elsys codec. */
export const elsysCodecs: CodecDefinition[] = [ersCo2Codec];
