/**
 * loire/codecs: sensor payload codecs with LoRa Alliance TS013 shapes, their registry, and the
 * vendor-neutral harmonised view.
 *
 * @packageDocumentation
 */
export type {
  Bytes,
  Category,
  CodecDefinition,
  CodecExample,
  DecodeInput,
  Decoded,
  EncodeInput,
  Encoded,
  JsonSchema,
  MessageType,
} from './framework/types.js';
export type {
  Harmonised,
  HarmonisedAir,
  HarmonisedCommon,
  HarmonisedGeneric,
  HarmonisedHvac,
  HarmonisedLighting,
  HarmonisedWaste,
  HarmonisedWater,
} from './framework/harmonised.js';
export type { CodecError } from './framework/codec-error.js';
export { milesightCodecs } from './vendors/milesight/index.js';
export { dingtekCodecs } from './vendors/dingtek/index.js';
export { omsCodecs } from './formats/oms/index.js';
export { sensusCodecs } from './vendors/sensus/index.js';
export { kamstrupCodecs } from './vendors/kamstrup/index.js';
export { axiomaCodecs } from './vendors/axioma/index.js';
export { aradCodecs } from './vendors/arad/index.js';
export { houseCodecs } from './house/index.js';
