/** The discrete-event engine: virtual clock, event queue, seeded random source. */
export { Engine } from './engine.js';
export type { EngineOptions, RunOptions } from './engine.js';
export { EventQueue } from './queue.js';
export type { ScheduledEvent } from './queue.js';
export { createRng } from './rng.js';
export type { Rng } from './rng.js';
