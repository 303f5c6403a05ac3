/** Small seeded scenarios for the simulator tests. */
import { getCodec } from '../../codecs/registry.js';
import { Simulation, type SimulationOptions } from '../../simulator/scenario/run.js';
import type { DeviceGroup, Scenario } from '../../simulator/scenario/types.js';
import type { SimulationReport } from '../../simulator/scenario/summary.js';

/** A scenario over `widthM` square with `gateways` on a grid and the given groups. */
export function tinyScenario(options: {
  widthM?: number;
  gateways?: number;
  groups: DeviceGroup[];
  capture?: string;
  pathLoss?: string;
  initialDr?: number | 'link';
  adr?: boolean;
}): Scenario {
  const w = options.widthM ?? 3000;
  return {
    name: 'test',
    region: 'eu868',
    area: { widthM: w, heightM: w },
    radio: { pathLoss: options.pathLoss ?? 'hata-urban', capture: options.capture ?? 'goursaud' },
    network: { initialDr: options.initialDr ?? 'link', powerOnSpreadMinutes: 5,
      adr: options.adr ?? true },
    gateways: { count: options.gateways ?? 1, placement: { kind: 'grid', jitter: 0 } },
    devices: { placement: { kind: 'random' }, groups: options.groups },
  };
}

/** A group of house water meters (or another house codec) reporting every `periodMinutes`. */
export function group(count: number, periodMinutes: number, codec = 'loire/water-meter',
  reading = 'water-profile', name = 'dev'): DeviceGroup {
  return { name, codec, count, periodMinutes, reading, jitterMinutes: periodMinutes / 10 };
}

/** Runs a scenario with the registry's codecs. */
export function simulate(scenario: Scenario, options: Partial<SimulationOptions> = {}):
  { sim: Simulation; report: SimulationReport } {
  const sim = new Simulation(scenario, { resolveCodec: getCodec, seed: 3, hours: 1, ...options });
  return { sim, report: sim.finish() };
}
