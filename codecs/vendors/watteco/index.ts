/**
 * Watteco sensor codecs (ZCL cluster frames and batch reports on FPort 125).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { climoCodec } from './climo.js';
import { pulseSensoCodec } from './pulse-senso.js';
import { smartPilotWireCodec } from './smart-pilot-wire.js';
import { vaqaoLiteCodec } from './vaqao-lite.js';

/**
 * Every Watteco codec: Pulse Sens'O, Smart Pilot Wire, Clim'O, Vaqa'O Lite.
 *
 * @example
 * ```ts
 * const climo = wattecoCodecs.find((c) => c.id === 'watteco/climo')!;
 * climo.decodeUplink({ bytes: [0x11, 0x0a, 0x04, 0x02, 0, 0, 0x29, 0x07, 0x55], fPort: 125,
 *   recvTime: new Date(), variables: {} }).data; // { samples: [...], temperature: 18.77, ... }
 * ```
 */
export const wattecoCodecs: CodecDefinition[] = [
  pulseSensoCodec,
  smartPilotWireCodec,
  climoCodec,
  vaqaoLiteCodec,
];
