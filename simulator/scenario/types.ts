/**
 * The scenario format: a JSON file that describes an area, its gateways, its devices by
 * group, the radio model and the network settings. `scenarios/scenario.schema.json` is its
 * JSON Schema and `docs/simulator.md` its guide.
 */
import type { PathLossModel } from '../radio/path-loss.js';
import type { NamedPosition } from '../radio/geo.js';

/** Where things stand. */
export type Placement =
  | { kind: 'random'; centreWeight?: number }
  | { kind: 'grid'; jitter?: number }
  | { kind: 'positions'; positions: NamedPosition[] };

/** A group of identical devices. */
export interface DeviceGroup {
  /** Group name, used in device names (`water-0001`). */
  name: string;
  /** Codec id from the registry, such as `loire/water-meter`. */
  codec: string;
  /** How many devices. */
  count: number;
  /** Reporting period in minutes. */
  periodMinutes: number;
  /** Random jitter of each period, in minutes (default 5 % of the period). */
  jitterMinutes?: number;
  /**
   * What the devices measure: a built-in generator (`water-profile`, `lighting-status`,
   * `hvac-status`, `air-measurement`, `waste-level`) or `codec-examples`, which replays the
   * codec's own published uplink examples through its `encodeUplink`.
   */
  reading: string;
  /** Share of uplinks sent confirmed, 0..1 (default 0). */
  confirmedShare?: number;
  /** Placement of this group (default: the scenario's device placement). */
  placement?: Placement;
}

/** A scenario. */
export interface Scenario {
  name: string;
  description?: string;
  /** Regional parameters (only `eu868` is supported by the radio model's sub-bands). */
  region: 'eu868';
  /** Default seed (the CLI's --seed wins). */
  seed?: number;
  /** Simulated hours (default 24; the CLI's --hours wins). */
  hours?: number;
  /** UTC start of the simulated day, ISO 8601 (default 2026-01-15T00:00:00Z). */
  startTime?: string;
  area: { widthM: number; heightM: number };
  radio?: {
    /** A preset name (`lorasim`, `ns3-urban`, `oulu`, `hata-urban`, `hata-suburban`) or a model. */
    pathLoss?: string | PathLossModel;
    /** Isolation preset: `aloha`, `co-sf-6db` or `goursaud` (default). */
    capture?: string;
    deviceAntennaGainDbi?: number;
  };
  network?: {
    /** NetID, 6 hex digits (default `000013`). */
    netId?: string;
    /** Network-side ADR (default true). */
    adr?: boolean;
    installationMarginDb?: number;
    deduplicationMs?: number;
    /** LoRaWAN version of every device (default `1.0.4`). */
    lorawanVersion?: '1.0.4' | '1.1';
    /**
     * Starting data rate of the devices: a number, or `link` (default) for the fastest rate whose
     * sensitivity the best gateway clears by the installation margin (a network whose ADR has
     * settled).
     */
    initialDr?: number | 'link';
    /** Devices power on at random within this many minutes (default 60). */
    powerOnSpreadMinutes?: number;
  };
  gateways: {
    count: number;
    placement?: Placement;
    concentrator?: 'sx1301' | 'sx1302';
    antennaGainDbi?: number;
  };
  devices: {
    placement?: Placement;
    groups: DeviceGroup[];
  };
}
