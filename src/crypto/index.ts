/**
 * LoRaWAN cryptography: AES-128, CMAC, MICs, payload ciphers, key derivation, ping offsets.
 * Pure TypeScript, no platform crypto: runs in Node, browsers and QuickJS.
 *
 * @packageDocumentation
 */
export { createAes128 } from './aes.js';
export type { Aes128 } from './aes.js';
export { createCmac, cmac } from './cmac.js';
export type { Cmac } from './cmac.js';
export { constantTimeEqual } from './compare.js';
export type { KeyInput } from './key-input.js';
export type { Direction } from './params.js';
export { encryptFrmPayload, decryptFrmPayload } from './frm-payload.js';
export type { FrmPayloadCipherInput } from './frm-payload.js';
export { encryptFOpts, decryptFOpts } from './fopts.js';
export type { FOptsCipherInput } from './fopts.js';
export {
  computeUplinkMic10,
  verifyUplinkMic10,
  computeDownlinkMic10,
  verifyDownlinkMic10,
  computeUplinkMic11,
  verifyUplinkMic11,
  computeDownlinkMic11,
  verifyDownlinkMic11,
} from './mic-data.js';
export type { DataMicInput10, UplinkMicInput11, DownlinkMicInput11 } from './mic-data.js';
export {
  computeJoinRequestMic,
  verifyJoinRequestMic,
  computeJoinAcceptMic10,
  verifyJoinAcceptMic10,
  computeJoinAcceptMic11,
  verifyJoinAcceptMic11,
  computeRejoinRequestMic,
  verifyRejoinRequestMic,
} from './mic-join.js';
export type { JoinAcceptMicInput11 } from './mic-join.js';
export { encryptJoinAccept, decryptJoinAccept } from './join-accept-cipher.js';
export {
  deriveSessionKeys10,
  deriveSessionKeys11,
  deriveJoinServerKeys,
  deriveRootWorSKey,
  deriveWorSessionKeys,
} from './keys.js';
export type {
  SessionKeys10,
  SessionKeyInput10,
  SessionKeys11,
  SessionKeyInput11,
  JoinServerKeys,
  WorSessionKeys,
} from './keys.js';
export { computePingOffset } from './ping-offset.js';
export type { PingOffsetInput } from './ping-offset.js';
