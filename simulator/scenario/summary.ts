/**
 * What a scenario run reports: the summary `loire simulate --json` prints, and the extra data
 * the HTML report draws (positions, hourly airtime, decoded samples).
 */

/** Delivery counters of one slice (a data rate, a category, a device). */
export interface DeliveryCount {
  /** Uplinks attempted: distinct frames the devices sent (repetitions not counted). */
  uplinks: number;
  /** Of those, frames the network server accepted (MIC and counter checked, deduplicated). */
  delivered: number;
  /** delivered / uplinks (0 when no uplink). */
  pdr: number;
}

/** One gateway's load. */
export interface GatewayLoad {
  id: string;
  xM: number;
  yM: number;
  /** Packets received intact (before deduplication). */
  received: number;
  lostCollision: number;
  lostDemodulators: number;
  lostHalfDuplex: number;
  downlinks: number;
  /** Downlinks it could not send within its duty cycle. */
  downlinksRefused: number;
  downlinkAirtimeMs: number;
}

/** Uplink airtime in one sub-band. */
export interface SubBandAirtime {
  /** Such as `868.0-868.6 MHz`. */
  subBand: string;
  dutyCycle: number;
  /** Total device airtime in milliseconds. */
  airtimeMs: number;
  /** Airtime per simulated hour, in milliseconds. */
  hourlyMs: number[];
}

/** A decoded reading kept as an example. */
export interface ReadingSample {
  device: string;
  codec: string;
  timeMs: number;
  fPort: number;
  /** The codec's decoded `data`. */
  data: unknown;
  /** The harmonised view, when the codec has `normalizeUplink`. */
  harmonised?: unknown;
}

/** A device on the map. */
export interface DevicePoint {
  xM: number;
  yM: number;
  category: string;
  uplinks: number;
  delivered: number;
}

/** The summary of a run. */
export interface SimulationSummary {
  scenario: string;
  seed: number;
  hours: number;
  devices: number;
  gateways: number;
  uplinks: number;
  delivered: number;
  pdr: number;
  /** Radio transmissions, repetitions and Join-Requests included. */
  transmissions: number;
  byDataRate: Record<string, DeliveryCount>;
  byCategory: Record<string, DeliveryCount & { devices: number }>;
  /** Transmissions that reached no gateway, by the reason. */
  lost: { outOfRange: number; collision: number; demodulators: number; halfDuplex: number };
  /** Transmissions lost to collisions at every gateway that heard them. */
  collisions: number;
  /** Gateway copies merged by deduplication. */
  duplicatesMerged: number;
  /** Frames refused by the network server. */
  refused: { mic: number; replay: number; unknownDevice: number };
  /** Device-side waits imposed by duty cycle and join back-off. */
  dutyCycleDeferrals: number;
  /** Sub-band windows of one hour in which a device or gateway exceeded its duty cycle. */
  dutyCycleViolations: number;
  joins: {
    requests: number; accepted: number; devNonceRefused: number;
    /** Devices that never joined (out of reach of every gateway, or always colliding). */
    neverJoined: number;
  };
  downlinks: {
    sent: number; rx1: number; rx2: number; refusedDutyCycle: number; acks: number;
    linkAdrReq: number; receivedByDevices: number;
  };
  /** Per gateway, sorted by id. */
  gatewayLoad: GatewayLoad[];
  airtimeBySubBand: SubBandAirtime[];
  /** Application side: uplinks decoded by their codec, and decoding failures. */
  decoded: number;
  decodeErrors: number;
  /** Wall-clock duration of the run in milliseconds. */
  elapsedMs: number;
}

/** The summary plus what the HTML report draws. */
export interface SimulationReport {
  summary: SimulationSummary;
  area: { widthM: number; heightM: number };
  devicePoints: DevicePoint[];
  samples: Record<string, ReadingSample[]>;
}
