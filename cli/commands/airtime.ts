/**
 * `loire airtime`: time on air of a frame and what the duty cycle then allows per sub-band.
 *
 *   loire airtime --region eu868 --dr 0 --bytes 23
 *   loire airtime --sf 12 --bw 125 --app-bytes 10 --json
 */
import { frameAirtime, LORAWAN_OVERHEAD_BYTES } from '../../src/airtime/frame.js';
import { loraAirtime, type Airtime } from '../../src/airtime/lora.js';
import { regionById } from '../../src/region/index.js';
import type { Region } from '../../src/region/types.js';
import { intOption, parseArgs, UsageError } from '../args.js';
import { reportError, type Io } from '../io.js';

const HOUR_MS = 3_600_000;

const HELP = `usage: loire airtime [--region eu868] (--dr N | --sf N --bw kHz)
         (--bytes N | --app-bytes N) [--json]
  --bytes       PHYPayload size in bytes
  --app-bytes   application payload size; the 13-byte LoRaWAN overhead is added
  --cr          coding rate 4/5 (default) to 4/8, with --sf/--bw
  --json        print an object with toaMs, toaCeilMs and per-sub-band figures`;

/** Runs `loire airtime`. */
export async function run(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv, {
      values: ['region', 'dr', 'sf', 'bw', 'bytes', 'app-bytes', 'cr'],
      booleans: ['json', 'help'],
    });
    json = args.flags.json === true;
    if (args.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    }
    const v = args.values;
    const region = regionOption(v.region ?? 'eu868');

    if ((v.bytes === undefined) === (v['app-bytes'] === undefined)) {
      throw new UsageError('give exactly one of --bytes or --app-bytes');
    }
    const bytes =
      v.bytes !== undefined
        ? intOption(v.bytes, 'bytes', 0, 255)
        : intOption(v['app-bytes']!, 'app-bytes', 0, 255 - LORAWAN_OVERHEAD_BYTES) +
          LORAWAN_OVERHEAD_BYTES;

    let airtime: Airtime;
    let rate: Record<string, unknown>;
    if (v.dr !== undefined) {
      if (v.sf !== undefined || v.bw !== undefined) {
        throw new UsageError('give --dr or --sf/--bw, not both');
      }
      const dr = intOption(v.dr, 'dr', 0, 15);
      if (!region.dataRates.some((d, i) => i === dr && d !== undefined)) {
        const known = region.dataRates.flatMap((d, i) => (d === undefined ? [] : [i]));
        throw new UsageError(`--dr: DR${dr} is not among loire's ${region.id} data rates ` +
          `(${known.join(', ')})`);
      }
      // A LoRaWAN frame at a DR cannot exceed the region's M (RP002-1.0.1, maximum payload
      // tables; the larger "no repeater" value): a bigger one would never be sent, so its time
      // on air and uplinks per hour would mislead. --sf/--bw stays free for raw radio figures.
      const max = region.maxPayload(dr, { repeater: false });
      if (max !== undefined && bytes - 5 > max.m) {
        throw new UsageError(`${region.id} DR${dr} carries at most a ${max.m + 5}-byte ` +
          `PHYPayload (M = ${max.m}, N = ${max.n}), got ${bytes}; use --sf/--bw for raw radio ` +
          'figures', 'TOO_LONG');
      }
      airtime = frameAirtime(region, dr, bytes);
      rate = { dr, ...region.dataRates[dr] };
    } else {
      if (v.sf === undefined || v.bw === undefined) {
        throw new UsageError('give --dr, or both --sf and --bw');
      }
      const sf = intOption(v.sf, 'sf', 6, 12);
      const bwKHz = Number(v.bw);
      if (![125, 250, 500].includes(bwKHz)) {
        throw new UsageError(`--bw: expected 125, 250 or 500, got '${v.bw}'`);
      }
      const cr = v.cr ?? '4/5';
      if (!/^4\/[5-8]$/.test(cr)) throw new UsageError(`--cr: expected 4/5 to 4/8, got '${cr}'`);
      airtime = loraAirtime({ sf, bandwidthHz: bwKHz * 1000, codingRate: cr as '4/5' }, bytes);
      rate = { sf, bandwidthHz: bwKHz * 1000, codingRate: cr };
    }

    const subBands = region.subBands.map((b) => ({
      subBand: b.name,
      dutyCycle: b.dutyCycle,
      // Per-transmission off-time rule: wait ToA/dc - ToA after each frame (ETSI EN 300 220).
      offTimeMs: round3(airtime.toaMs / b.dutyCycle - airtime.toaMs),
      maxUplinksPerHour: Math.floor((HOUR_MS * b.dutyCycle) / airtime.toaMs + 1e-9),
    }));

    if (json) {
      io.out(JSON.stringify({
        region: region.id, ...rate, phyPayloadBytes: bytes,
        toaMs: airtime.toaMs, toaCeilMs: airtime.toaCeilMs, subBands,
      }));
    } else {
      io.out(`${region.id} ${describe(rate)}, ${bytes}-byte PHYPayload`);
      io.out(`time on air: ${round3(airtime.toaMs)} ms ` +
        `(firmware ceiling ${airtime.toaCeilMs} ms)`);
      for (const s of subBands) {
        io.out(`  ${s.subBand.padEnd(13)} ${(s.dutyCycle * 100).toString().padStart(4)} %  ` +
          `off-time ${(s.offTimeMs / 1000).toFixed(3)} s  ` +
          `max ${s.maxUplinksPerHour} uplinks/hour`);
      }
    }
    return 0;
  } catch (e) {
    return reportError(e, io, json);
  }
}

/** The region named by `--region`, or a usage error naming the flag and the known regions. */
function regionOption(name: string): Region {
  try {
    return regionById(name);
  } catch (e) {
    throw new UsageError(`--region: ${(e as Error).message.replace(/^region: /, '')}`);
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function describe(rate: Record<string, unknown>): string {
  const parts: string[] = [];
  if (rate.dr !== undefined) parts.push(`DR${rate.dr}`);
  if (rate.sf !== undefined) parts.push(`SF${rate.sf}BW${Number(rate.bandwidthHz) / 1000}`);
  if (rate.modulation === 'fsk') parts.push(`FSK ${Number(rate.bitRateBps) / 1000} kbit/s`);
  return parts.join(' ');
}
