/**
 * loire/simulator: Class A devices under regional limits, gateways, radio and a network side.
 *
 * @packageDocumentation
 */
export * from './engine/index.js';
export * from './duty-cycle/index.js';
export * from './device/index.js';
export * from './validate/index.js';
export {
  PATH_LOSS_PRESETS,
  pathLossPreset,
  pathLossDb,
  distanceForLossM,
  standardNormal,
} from './radio/path-loss.js';
export type {
  PathLossModel,
  PathLossPreset,
  LogDistanceModel,
  OkumuraHataModel,
} from './radio/path-loss.js';
export {
  RECEIVER_PRESETS,
  SNR_FLOOR_DB,
  receiverPreset,
  sensitivityDbm,
  noiseFloorDbm,
} from './radio/sensitivity.js';
export type { ReceiverPreset, SensitivityTable } from './radio/sensitivity.js';
export { ISOLATION_PRESETS, isolationPreset, destroyingSf } from './radio/isolation.js';
export type { IsolationMatrix, IsolationPreset, Interferer } from './radio/isolation.js';
export {
  distanceM,
  placeRandom,
  placeGrid,
  parsePositionsCsv,
  parsePositionsGeoJson,
  projectLonLat,
} from './radio/geo.js';
export type { Position, NamedPosition, Area, UniformSource } from './radio/geo.js';
export { Medium } from './radio/medium.js';
export type {
  MediumOptions,
  Links,
  Emission,
  Reception,
  LossReason,
  Outcome,
  MediumStats,
} from './radio/medium.js';
export { Gateway, DEMODULATORS } from './gateway/gateway.js';
export type {
  GatewayOptions,
  GatewayStats,
  Concentrator,
  DownlinkDutyCycle,
} from './gateway/gateway.js';
export {
  SEMTECH_PROTOCOL_VERSION,
  SemtechId,
  encodeSemtechPacket,
  decodeSemtechPacket,
  buildRxpk,
  loraDatr,
  rxpkTime,
} from './forwarder/semtech-udp.js';
export type { SemtechPacket, SemtechType, Rxpk, RxpkInput } from './forwarder/semtech-udp.js';
export { PacketForwarder } from './forwarder/packet-forwarder.js';
export type { PacketForwarderOptions, PacketForwarderStats } from './forwarder/packet-forwarder.js';
export { JoinServer } from './network/join-server.js';
export type { JoinDevice, JoinServerOptions, JoinResult } from './network/join-server.js';
export { NetworkServer } from './network/network-server.js';
export type {
  NetworkServerOptions,
  NetworkServerStats,
  GatewayCopy,
  DownlinkRequest,
  ApplicationUplink,
  Scheduler,
} from './network/network-server.js';
export { ApplicationServer } from './network/application-server.js';
export type { ApplicationServerOptions, DecodedReading } from './network/application-server.js';
export {
  adrDecide,
  adrSteps,
  adrNbTrans,
  adrPacketLossPercent,
  ADR_HISTORY_LENGTH,
} from './network/adr.js';
export type { AdrInput, AdrDecision, AdrHistoryEntry } from './network/adr.js';
export {
  MAX_SIMULATED_DEVICES, MAX_SIMULATED_GATEWAYS, Simulation, runScenario,
} from './scenario/run.js';
export type { SimulationOptions, SimDevice, ReceptionEvent } from './scenario/run.js';
export type { Scenario, DeviceGroup, Placement } from './scenario/types.js';
export type {
  SimulationSummary,
  SimulationReport,
  DeliveryCount,
  GatewayLoad,
  SubBandAirtime,
  ReadingSample,
  DevicePoint,
} from './scenario/summary.js';
export { createReadingGenerator, sameJson } from './scenario/readings.js';
export type { ReadingGenerator } from './scenario/readings.js';
export type { Uniform } from './scenario/readings.js';
export { DutyCycleAudit } from './scenario/audit.js';
export type { AuditBand } from './scenario/audit.js';
export { renderHtmlReport, escapeHtml, pdrColour } from './report/html.js';
