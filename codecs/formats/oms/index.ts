/**
 * OMS / wireless M-Bus application layer (EN 13757-3:2018, EN 13757-7:2018, OMS vol. 2):
 * the `generic/oms` codec and the building blocks meter codecs are made of.
 */
export { omsCodec, omsCodecs, decodeOmsFrame, encodeOmsFrame, normalizeOmsRecords,
  omsStatusAlarms } from './codec.js';
export type { OmsFrame } from './codec.js';
export { decodeOmsHeader, encodeOmsHeader, manufacturerCodeOf, manufacturerLetters,
  mediumName } from './header.js';
export type { OmsHeader } from './header.js';
export { decodeOmsRecords, encodeOmsRecords, CODINGS } from './records.js';
export type { OmsRecord, OmsRecordInput, OmsRecords } from './records.js';
export { decodeDib, encodeDib } from './dib.js';
export type { OmsDib, OmsFunction } from './dib.js';
export { decodeVib, encodeVib } from './vib.js';
export type { OmsVib, VifTable } from './vib.js';
export { decodeTypeF, decodeTypeG, encodeTypeF, encodeTypeG } from './date.js';
export { decodeProfile, encodeProfile, stepBack } from './profile.js';
export type { OmsProfile, ProfileKind } from './profile.js';
export { resolveProfile, findRecordTime } from './series.js';
export type { OmsSeriesPoint } from './series.js';
