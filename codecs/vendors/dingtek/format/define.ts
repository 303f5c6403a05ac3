/**
 * Builds a {@link CodecDefinition} from a Dingtek DF70x device table: the frame, report and
 * command readers are shared; a table names the fields, their units and the commands.
 */
import { fail } from '../../../framework/codec-error.js';
import type { HarmonisedWaste } from '../../../framework/harmonised.js';
import type {
  CodecDefinition,
  CodecExample,
  DecodeInput,
  Decoded,
  EncodeInput,
  Encoded,
  JsonSchema,
} from '../../../framework/types.js';
import { decodeAsciiCommand, encodeAsciiCommand } from './ascii-command.js';
import {
  DINGTEK_FPORT,
  TYPE_HEARTBEAT,
  TYPE_PARAMETERS,
  buildFrame,
  checkFrame,
} from './frame.js';
import {
  type RawParams,
  type RawReport,
  readParams,
  readReport,
  writeParams,
  writeReport,
} from './report.js';

/** How one raw value is shown: under `key`, as a number, a boolean, or a number and a unit. */
export interface OutField {
  /** Name of the raw value (a field of RawReport or RawParams, or `firmware`). */
  raw: string;
  key: string;
  /** Shown as `"<value><unit>"`, as the DF702 vendor decoder does (`" mm"`, `" ℃"`). */
  unit?: string;
  /** Custom rendering and its inverse, for values that are not plain numbers. */
  show?: (raw: unknown) => unknown;
  read?: (shown: unknown, what: string) => unknown;
}

/** A downlink setting: `key` in the data, `option` on the air. */
export interface DingtekCommand {
  key: string;
  option: number;
  description: string;
  /** Integer range of a plain value. */
  min?: number;
  max?: number;
  /** Fixed values: the data value and the byte sent for it. */
  values?: Array<[unknown, number]>;
}

/** A DF70x device table. */
export interface DingtekDevice {
  model: string;
  description: string;
  report: OutField[];
  params: OutField[];
  commands: DingtekCommand[];
  normalize(data: Record<string, unknown>): HarmonisedWaste;
  examples: CodecExample[];
}

function show(f: OutField, raw: unknown): unknown {
  if (f.show) return f.show(raw);
  return f.unit === undefined ? raw : String(raw) + f.unit;
}

function read(f: OutField, v: unknown, what: string): unknown {
  const label = `${what}.${f.key}`;
  if (f.read) return f.read(v, label);
  if (f.unit === undefined) return v;
  const s = typeof v === 'string' ? v : '';
  const body = s.substr(0, s.length - f.unit.length);
  if (s.substr(s.length - f.unit.length) !== f.unit || !/^-?\d+$/.test(body)) {
    fail(`${label}: expected an integer followed by '${f.unit}', got ${JSON.stringify(v)}`);
  }
  return Number(body);
}

function render(fields: OutField[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (raw[f.raw] !== undefined) out[f.key] = show(f, raw[f.raw]);
  }
  return out;
}

/** Raw values from shown data; keys outside `optional` must all be present. */
function parse(
  fields: OutField[],
  data: Record<string, unknown>,
  optional: string[],
  what: string,
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const known: Record<string, boolean> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    known[f.key] = true;
    if (!(f.key in data)) {
      if (optional.indexOf(f.raw) < 0) fail(`${what}: missing field '${f.key}'`);
      continue;
    }
    raw[f.raw] = read(f, data[f.key], what);
  }
  const keys = Object.keys(data);
  for (let i = 0; i < keys.length; i++) {
    if (!known[keys[i]!]) fail(`${what}: unknown field '${keys[i]}'`);
  }
  return raw;
}

function boolOf(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') fail(`${what}: expected true or false, got ${JSON.stringify(v)}`);
  return v as boolean;
}

function schemaOf(fields: OutField[], title: string): JsonSchema {
  const props: Record<string, JsonSchema> = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const textual = f.unit !== undefined || f.raw === 'firmware' || /itude$/.test(f.raw);
    const sample = f.show ? f.show(0) : textual ? 'x' : 0;
    props[f.key] =
      typeof sample === 'string'
        ? { type: 'string' }
        : /^(full|fire|tilt|lowBattery|tiltEnable)$/.test(f.raw)
          ? { type: 'boolean' }
          : { type: 'integer' };
  }
  return { title, type: 'object', properties: props, additionalProperties: false };
}

/**
 * Makes the codec of one Dingtek DF70x device.
 *
 * @example
 * ```ts
 * defineDingtek(DF703).decodeUplink({ bytes, fPort: 3, variables: {} });
 * ```
 */
export function defineDingtek(dev: DingtekDevice): CodecDefinition {
  const cmdSchema: Record<string, JsonSchema> = {};
  for (let i = 0; i < dev.commands.length; i++) {
    const c = dev.commands[i]!;
    cmdSchema[c.key] = c.values
      ? { enum: c.values.map((v) => v[0]) }
      : { type: 'integer', minimum: c.min, maximum: c.max };
  }
  const paramKeys: Record<string, boolean> = {};
  for (let i = 0; i < dev.params.length; i++) paramKeys[dev.params[i]!.key] = true;

  return {
    id: `dingtek/${dev.model}`,
    vendor: 'dingtek',
    model: dev.model,
    category: 'waste',
    description: dev.description,
    uplinkFPorts: [DINGTEK_FPORT],
    downlinkFPorts: [DINGTEK_FPORT],
    messageTypes: [
      {
        name: 'report',
        direction: 'uplink',
        fPorts: [DINGTEK_FPORT],
        description:
          'Heartbeat or alarm: level (mm), alarms (full, fire, tilt, low battery), angle (°), ' +
          'temperature (°C), with GPS position in 25-byte frames',
      },
      {
        name: 'parameters',
        direction: 'uplink',
        fPorts: [DINGTEK_FPORT],
        description: 'Data type 0x03: the device settings, sent after a setting changes',
      },
    ].concat(
      dev.commands.map((c) => ({
        name: `set_${c.key}`,
        direction: 'downlink' as const,
        fPorts: [DINGTEK_FPORT],
        description: c.description,
      })),
    ) as CodecDefinition['messageTypes'],

    decodeUplink(input: DecodeInput): Decoded {
      const frame = checkFrame(input.bytes, input.fPort, 'uplink');
      // The vendor's decoder reads parameters only from 25-byte frames of type 0x03.
      if (frame.dataType === TYPE_PARAMETERS && frame.bytes.length === 25) {
        const p = readParams(frame.bytes, 'parameters') as unknown as Record<string, unknown>;
        p.firmware = `${p.firmwareMajor}.${p.firmwareMinor}`;
        return { data: render(dev.params, p) };
      }
      const r = readReport(frame.bytes, 'report') as unknown as Record<string, unknown>;
      return { data: render(dev.report, r) };
    },

    encodeUplink(input: EncodeInput): Encoded {
      const data = input.data;
      if (typeof data !== 'object' || data === null) fail('uplink: expected an object');
      const d = data as Record<string, unknown>;
      const keys = Object.keys(d);
      let isParams = false;
      for (let i = 0; i < keys.length; i++) if (paramKeys[keys[i]!]) isParams = true;
      if (isParams) {
        const raw = parse(dev.params, d, ['firmware'], 'parameters');
        let major = 0;
        let minor = 0;
        if (raw.firmware !== undefined) {
          const m = /^(\d+)\.(\d+)$/.exec(String(raw.firmware));
          if (m === null) {
            const got = JSON.stringify(raw.firmware);
            fail(`parameters.firmware: expected 'major.minor', got ${got}`);
          }
          major = Number(m![1]);
          minor = Number(m![2]);
        }
        const p: RawParams = {
          firmwareMajor: major,
          firmwareMinor: minor,
          uploadIntervalH: raw.uploadIntervalH as number,
          detectIntervalMin: raw.detectIntervalMin as number,
          fullThresholdCm: raw.fullThresholdCm as number,
          fireThresholdC: raw.fireThresholdC as number,
          tiltThresholdDeg: raw.tiltThresholdDeg as number,
          tiltEnable: boolOf(raw.tiltEnable, 'parameters.tilt_enable'),
          mode: raw.mode as number,
        };
        const body = writeParams(p, 'parameters');
        return { bytes: buildFrame(TYPE_PARAMETERS, body), fPort: DINGTEK_FPORT };
      }
      const raw = parse(dev.report, d, ['longitude', 'latitude', 'frameCounter'], 'report');
      const r: RawReport = {
        levelMm: raw.levelMm as number,
        temperatureC: raw.temperatureC as number,
        angleDeg: raw.angleDeg as number,
        full: boolOf(raw.full, 'report.full'),
        fire: boolOf(raw.fire, 'report.fire'),
        tilt: boolOf(raw.tilt, 'report.tilt'),
        lowBattery: boolOf(raw.lowBattery, 'report.battery'),
        frameCounter: raw.frameCounter === undefined ? 0 : (raw.frameCounter as number),
      };
      if (raw.longitude !== undefined || raw.latitude !== undefined) {
        r.longitude = raw.longitude as string;
        r.latitude = raw.latitude as string;
      }
      return { bytes: buildFrame(TYPE_HEARTBEAT, writeReport(r, 'report')), fPort: DINGTEK_FPORT };
    },

    encodeDownlink(input: EncodeInput): Encoded {
      const data = input.data;
      if (typeof data !== 'object' || data === null) fail('downlink: expected an object');
      const keys = Object.keys(data as object);
      if (keys.length !== 1) {
        fail(`downlink: expected exactly one setting per downlink, got ${keys.length}`);
      }
      const key = keys[0]!;
      const v = (data as Record<string, unknown>)[key];
      for (let i = 0; i < dev.commands.length; i++) {
        const c = dev.commands[i]!;
        if (c.key !== key) continue;
        if (c.values) {
          for (let k = 0; k < c.values.length; k++) {
            if (c.values[k]![0] === v) {
              const bytes = encodeAsciiCommand(c.option, c.values[k]![1]);
              return { bytes, fPort: DINGTEK_FPORT };
            }
          }
          const allowed = c.values.map((x) => JSON.stringify(x[0])).join(', ');
          fail(`downlink: ${key}: expected one of ${allowed}, got ${JSON.stringify(v)}`);
        }
        if (typeof v !== 'number' || v !== Math.floor(v) || v < c.min! || v > c.max!) {
          const range = `an integer from ${c.min} to ${c.max}`;
          fail(`downlink: ${key}: expected ${range}, got ${JSON.stringify(v)}`);
        }
        return { bytes: encodeAsciiCommand(c.option, v as number), fPort: DINGTEK_FPORT };
      }
      return fail(`downlink: unknown setting '${key}'`);
    },

    decodeDownlink(input: DecodeInput): Decoded {
      if (input.fPort !== DINGTEK_FPORT) {
        fail(`downlink: FPort ${input.fPort}, expected ${DINGTEK_FPORT}`);
      }
      const { option, value } = decodeAsciiCommand(input.bytes, 'downlink');
      for (let i = 0; i < dev.commands.length; i++) {
        const c = dev.commands[i]!;
        if (c.option !== option) continue;
        if (c.values) {
          for (let k = 0; k < c.values.length; k++) {
            if (c.values[k]![1] === value) return { data: { [c.key]: c.values[k]![0] } };
          }
          continue;
        }
        if (value < c.min! || value > c.max!) {
          fail(`downlink: ${c.key} ${value} out of range ${c.min} to ${c.max}`, 10);
        }
        return { data: { [c.key]: value } };
      }
      const o = option.toString(16);
      return fail(`downlink: unknown option 0x${o} with value 0x${value.toString(16)}`, 8);
    },

    normalizeUplink: (data: unknown) => dev.normalize(data as Record<string, unknown>),
    uplinkSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${dev.model} uplink`,
      oneOf: [schemaOf(dev.report, 'report'), schemaOf(dev.params, 'parameters')],
    },
    downlinkSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${dev.model} downlink (one setting)`,
      type: 'object',
      properties: cmdSchema,
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
    },
    examples: dev.examples,
  };
}
