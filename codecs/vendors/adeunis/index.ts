/**
 * Adeunis sensor codecs (frame code, status byte, body).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { comfortCo2Codec } from './comfort-co2.js';
import { pulse4Codec } from './pulse-4.js';

/** Every Adeunis codec. */
export const adeunisCodecs: CodecDefinition[] = [pulse4Codec, comfortCo2Codec];
