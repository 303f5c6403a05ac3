/**
 * loire's house formats: compact payloads for custom-built sensors and the simulator. Each
 * codec decodes and encodes uplinks; lighting and HVAC also take downlinks.
 */
import type { CodecDefinition } from '../framework/types.js';
import { airQualityCodec } from './air-quality.js';
import { hvacCodec } from './hvac.js';
import { lightingCodec } from './lighting.js';
import { wasteCodec } from './waste.js';
import { waterMeterCodec } from './water-meter.js';

export { airQualityCodec, hvacCodec, lightingCodec, wasteCodec, waterMeterCodec };
export { HOUSE_VERSION, decodeHouse, encodeHouse } from './layout.js';
export type { Field, MessageLayout } from './layout.js';
export { HVAC_MODES } from './hvac.js';

/** Every house codec. */
export const houseCodecs: CodecDefinition[] = [
  waterMeterCodec, lightingCodec, hvacCodec, airQualityCodec, wasteCodec,
];
