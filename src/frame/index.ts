/**
 * The high-level frame layer: one call decodes a frame and does everything the keys allow,
 * its inverse builds a real frame, and a keyed session serves many frames of one device.
 *
 * @packageDocumentation
 */
export {
  decodeFrame,
  encodeFrame,
  buildDataFrame,
  buildJoinRequest,
  buildJoinAccept,
  buildRejoinRequest,
} from './frame.js';
export type { FrameOptions, BuildOptions } from './frame.js';
export { createSession } from './session.js';
export type { FrameSession, SessionOptions } from './session.js';
export type { FrameKey, FrameKeys, LorawanVersion } from './keys.js';
export { MTYPE_NAMES } from './types.js';
export type {
  MTypeName,
  JoinRequestContext,
  FrameDecodeOptions,
  DecodedFrame,
  DecodedDataFrame,
  DecodedJoinRequest,
  DecodedJoinAccept,
  DecodedRejoinRequest,
  DecodedProprietary,
} from './types.js';
export type {
  FCtrlFlags,
  DataFrameInput,
  JoinRequestInput,
  JoinAcceptInput,
  RejoinRequestInput,
  FrameInput,
} from './build-types.js';
