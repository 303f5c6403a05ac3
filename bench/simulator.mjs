/**
 * Simulator speed: simulated device-hours per second of wall time, for one device over a
 * year and for a fleet of 10,000 devices over a day (EU868, ABP, DR5, a report every 10
 * minutes, duty cycle enforced, every frame built and secured by the core). A run is checked
 * before it is timed: the expected number of uplinks must have been sent. Run through
 * `npm run bench` (bench/run.mjs imports this module's default export), or alone with
 * `npm run build && node bench/simulator.mjs`.
 */
import b from 'benny';
import { ClassADevice, Engine } from '../dist/simulator/index.js';
import { EU868 } from '../dist/index.js';

const HOUR = 3_600_000;
const KEY = new Uint8Array(16).fill(7);
const codec = {
  encodeUplink: ({ data }) => ({ bytes: [data & 0xff, (data >> 8) & 0xff, 0, 0], fPort: 2 }),
};

/** Builds `count` devices in one engine and runs them for `hours`; returns uplinks sent. */
function simulate(count, hours, seed = 1) {
  const engine = new Engine({ seed });
  const devices = [];
  for (let i = 0; i < count; i++) {
    const device = new ClassADevice({
      engine,
      region: EU868,
      name: `d${i}`,
      activation: { mode: 'abp', devAddr: 0x26000000 + i, nwkSKey: KEY, appSKey: KEY },
      codec,
      schedule: { periodMs: 600_000, data: (n) => n },
      dr: 5,
      recordTrace: false,
    });
    device.start();
    devices.push(device);
  }
  engine.run({ untilMs: hours * HOUR });
  return devices.reduce((s, d) => s + d.stats.uplinks, 0);
}

/** Times one call and prints device-hours per second. */
function measure(label, count, hours) {
  const expected = count * hours * 6;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const uplinks = simulate(count, hours);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  // On a shared machine wall time overstates the cost; CPU time is the process's own share.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // A device's first report falls at random within its first period: allow one fewer each.
  if (uplinks < expected - count || uplinks > expected) {
    throw new Error(`bench/simulator: ${label} sent ${uplinks} uplinks, expected ~${expected}`);
  }
  const rate = (count * hours) / seconds;
  const cpuRate = (count * hours) / cpuSeconds;
  const fmt = (x) => Math.round(x).toLocaleString('en');
  console.log(`${label}: ${uplinks} uplinks in ${seconds.toFixed(2)} s wall ` +
    `(${cpuSeconds.toFixed(2)} s CPU): ${fmt(rate)} device-hours/s wall, ` +
    `${fmt(cpuRate)} per CPU-second`);
  return { rate, cpuRate };
}

/** The simulator suite: a benny run for one device-day, then the two wall-clock figures. */
export async function simulatorSuite() {
  simulate(1, 24); // warm-up and check
  await b.suite(
    'simulate one device for a day (144 uplinks)',
    b.add('ClassADevice, EU868 DR5, 10 min period', () => simulate(1, 24)),
    b.cycle(),
    b.complete(),
  );
  const one = measure('1 device x 1 year', 1, 24 * 365);
  const fleet = measure('10,000 devices x 1 day', 10_000, 24);
  return { oneDeviceHoursPerSecond: one, fleetDeviceHoursPerSecond: fleet };
}

export default simulatorSuite;

if (import.meta.url === `file://${process.argv[1]}`) await simulatorSuite();
