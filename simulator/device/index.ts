/** The Class A device and the frames it exchanges. */
export { ClassADevice } from './device.js';
export type { DeviceChannel, DeviceStats } from './device.js';
export type {
  AbpActivation,
  DeviceOptions,
  DeviceRadio,
  DeviceWait,
  OtaaActivation,
  ReportSchedule,
  RxWindow,
  TraceLine,
  Transmission,
  UplinkEncoder,
} from './types.js';
export {
  buildDownlink,
  buildDeviceJoinAccept,
  buildDeviceJoinRequest,
  buildUplink,
  createDeviceSession,
  createRootSession,
  openDownlink,
  openJoinAccept,
} from './frames.js';
export type {
  DownlinkSpec,
  JoinAcceptResult,
  JoinAcceptSpec,
  LorawanVersion,
  OpenedDownlink,
  RootKeys,
  Session,
  SessionKeys,
  UplinkSpec,
} from './frames.js';
export { CID, joinMacCommands, macCommandName, splitMacCommands } from './mac-codec.js';
export type { RawMacCommand } from './mac-codec.js';
export type { MacState } from './mac-handler.js';
