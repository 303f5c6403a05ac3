/** Duty-cycle enforcement per sub-band and the Join-Request back-off. */
export { DutyCycle } from './duty-cycle.js';
export type { DutyCycleOptions, DutyCyclePolicy, DutyCycleViolation } from './duty-cycle.js';
export { SlidingWindow } from './window.js';
export { JoinBackoff, joinBackoffPeriod } from './join-backoff.js';
export type { BackoffPeriod } from './join-backoff.js';
