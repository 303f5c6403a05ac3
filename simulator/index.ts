/**
 * loire/simulator: Class A devices under regional limits, gateways, radio and a network side.
 *
 * @packageDocumentation
 */
export {};
export * from './engine/index.js';
export * from './duty-cycle/index.js';
export * from './device/index.js';
export * from './validate/index.js';
