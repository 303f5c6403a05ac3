/**
 * Watteco sensor codecs (ZCL cluster frames and batch reports on FPort 125).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { climoCodec } from './climo.js';
import { pulseSensoCodec } from './pulse-senso.js';
import { smartPilotWireCodec } from './smart-pilot-wire.js';
import { vaqaoLiteCodec } from './vaqao-lite.js';

/** Every Watteco codec. */
export const wattecoCodecs: CodecDefinition[] = [
  pulseSensoCodec,
  smartPilotWireCodec,
  climoCodec,
  vaqaoLiteCodec,
];
