/**
 * LoRaWAN framing without crypto: MHDR, FHDR, data and join messages, Rejoin-Request,
 * proprietary frames, Class B beacons, MAC commands and 32-bit FCnt reconstruction.
 *
 * @packageDocumentation
 */
export { MType, decodeMhdr, encodeMhdr, isDataMType, isUplinkMType } from './mhdr.js';
export type { Mhdr, MTypeValue } from './mhdr.js';
export {
  decodeFCtrlUplink,
  encodeFCtrlUplink,
  decodeFCtrlDownlink,
  encodeFCtrlDownlink,
} from './fctrl.js';
export type { FCtrlUplink, FCtrlDownlink } from './fctrl.js';
export { decodeFhdr, encodeFhdr, FHDR_MIN_LENGTH } from './fhdr.js';
export type { Fhdr } from './fhdr.js';
export { decodeMacPayload, encodeMacPayload } from './data-payload.js';
export type { MacPayload } from './data-payload.js';
export { decodeJoinRequest, encodeJoinRequest, JOIN_REQUEST_LENGTH } from './join-request.js';
export type { JoinRequestFields, JoinRequestFrame } from './join-request.js';
export { decodeDlSettings, encodeDlSettings } from './dl-settings.js';
export type { DlSettings } from './dl-settings.js';
export { decodeCfList, encodeCfList, CF_LIST_LENGTH } from './cf-list.js';
export type { CfList, CfListFrequencies, CfListChMask } from './cf-list.js';
export {
  decodeJoinAccept,
  encodeJoinAccept,
  decodeJoinAcceptPayload,
  encodeJoinAcceptPayload,
  decodeDecryptedJoinAccept,
  encodeDecryptedJoinAccept,
} from './join-accept.js';
export type {
  JoinAcceptFields,
  JoinAcceptFrame,
  JoinAcceptPayload,
  DecryptedJoinAccept,
} from './join-accept.js';
export { decodeRejoinRequest, encodeRejoinRequest } from './rejoin-request.js';
export type {
  RejoinRequestFields,
  RejoinRequestFrame,
  RejoinRequest02Fields,
  RejoinRequest1Fields,
} from './rejoin-request.js';
export { decodeProprietary, encodeProprietary } from './proprietary.js';
export type { ProprietaryFields, ProprietaryFrame } from './proprietary.js';
export {
  decodePhyPayload,
  encodePhyPayload,
  decodeDataFrame,
  encodeDataFrame,
  DATA_FRAME_MIN_LENGTH,
} from './phy-payload.js';
export type {
  PhyPayload,
  PhyPayloadFields,
  DataFrame,
  DataFrameFields,
  UplinkDataFrame,
  DownlinkDataFrame,
} from './phy-payload.js';
export {
  decodeBeacon,
  encodeBeacon,
  beaconCrc16,
  BEACON_LAYOUT_EU868,
  BEACON_LAYOUT_US915,
} from './beacon.js';
export type { Beacon, BeaconFields, BeaconLayout } from './beacon.js';
export { reconstructFCnt32 } from './fcnt.js';
export type { FCnt32 } from './fcnt.js';
export { devAddrToHex } from './_bytes.js';
export { decodeMacCommands, encodeMacCommands } from './mac-commands/mac-command.js';
export type {
  MacCommand,
  KnownMacCommand,
  RawMacCommand,
  MacCommandOptions,
} from './mac-commands/mac-command.js';
export { MAC_COMMANDS, macCommandByCid, macCommandByName } from './mac-commands/registry.js';
export type { MacCommandSpec, MacDirection } from './mac-commands/registry.js';
export type { FieldSpec, FieldKind, FieldValue } from './mac-commands/fields.js';
export { frequencyFromField, frequencyToField } from './mac-commands/frequency.js';
