/**
 * Dingtek codecs: one DF70x frame format (`format/`), one table per device.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { df702 } from './df702.js';
import { df703 } from './df703.js';

export { df702, df703 };
export { defineDingtek, type DingtekDevice } from './format/define.js';

/** Every Dingtek codec of loire. */
export const dingtekCodecs: CodecDefinition[] = [df702, df703];
