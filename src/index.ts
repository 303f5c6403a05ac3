/**
 * loire: LoRaWAN 1.0.x and 1.1 frames, MAC commands, crypto, regional parameters and time on air.
 *
 * @packageDocumentation
 */
export { LoireError } from './errors.js';
export type { LoireErrorCode, LoireErrorDetails } from './errors.js';
export { bytesToHex, hexToBytes, bytesToBase64, base64ToBytes, parseBytes } from './bytes/hex.js';
export * from './crypto/index.js';
export * from './mac/index.js';
export * from './region/index.js';
export * from './airtime/index.js';
export * from './frame/index.js';
