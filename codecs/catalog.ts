/**
 * The codec families of loire, one line each. To add a family, append one line:
 * `export { <family>Codecs } from './<folder>/index.js';` exporting a `CodecDefinition[]`.
 * Each definition should be exported by name from its own module (imported by that index): the
 * script build then bundles one device without its siblings. The registry reads every export of
 * this module.
 */
export { cayenneLppCodecs } from './formats/cayenne-lpp/index.js';
export { wattecoCodecs } from './vendors/watteco/index.js';
export { adeunisCodecs } from './vendors/adeunis/index.js';
export { elsysCodecs } from './vendors/elsys/index.js';
export { milesightCodecs } from './vendors/milesight/index.js';
export { dingtekCodecs } from './vendors/dingtek/index.js';
export { mclimateCodecs } from './vendors/mclimate/index.js';
export { nexelecCodecs } from './vendors/nexelec/index.js';
export { nanosenseCodecs } from './vendors/nanosense/index.js';
export { omsCodecs } from './formats/oms/index.js';
export { sensusCodecs } from './vendors/sensus/index.js';
export { kamstrupCodecs } from './vendors/kamstrup/index.js';
export { axiomaCodecs } from './vendors/axioma/index.js';
export { aradCodecs } from './vendors/arad/index.js';
export { houseCodecs } from './house/index.js';
export { nasCodecs } from './vendors/nas/index.js';
