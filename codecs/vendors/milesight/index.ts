/**
 * Milesight codecs: one channel/type record format (`format/`), one table per device.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { am307 } from './am307.js';
import { am319Hcho } from './am319-hcho.js';
import { em300Di } from './em300-di.js';
import { em310Udl } from './em310-udl.js';
import { em400Mud } from './em400-mud.js';
import { ws558 } from './ws558.js';
import { wt101 } from './wt101.js';

export { am307, am319Hcho, em300Di, em310Udl, em400Mud, ws558, wt101 };
export { defineMilesight, type MilesightDevice } from './format/define.js';

/** Every Milesight codec of loire. */
export const milesightCodecs: CodecDefinition[] = [
  em300Di,
  ws558,
  wt101,
  am307,
  am319Hcho,
  em310Udl,
  em400Mud,
];
