/** Nexelec codecs: AIR+ and ORIGIN+, sharing the product/message layout in `format/`. */
import type { CodecDefinition } from '../../framework/types.js';
import { airPlus } from './air-plus.js';
import { originPlus } from './origin-plus.js';

export { airPlus, originPlus };

/** Every Nexelec codec, for the registry. */
export const nexelecCodecs: CodecDefinition[] = [airPlus, originPlus];
