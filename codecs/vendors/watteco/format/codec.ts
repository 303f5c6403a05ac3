/**
 * Turns a Watteco device table into a {@link CodecDefinition}: standard and batch frames on
 * FPort 125, the vendor's output shape, the common and device-specific downlinks.
 */
import { fail } from '../../../framework/codec-error.js';
import type {
  CodecDefinition, DecodeInput, Decoded, EncodeInput, Encoded, JsonSchema, MessageType,
} from '../../../framework/types.js';
import { scaled } from './attribute.js';
import type { ReportCauses } from './alarm-causes.js';
import { type BatchPoint, decodeBatchFrame, encodeBatchFrame } from './batch-report.js';
import type { WattecoDevice } from './device.js';
import {
  COMMON_DOWNLINKS, WATTECO_FPORT, decodeWattecoDownlink, encodeWattecoDownlink,
} from './downlinks.js';
import { type Sample, sampleData } from './samples.js';
import {
  type StandardEncodeOptions, decodeStandardFrame, encodeResponseHeader, encodeStandardFrame,
  isBatchFrame,
} from './standard-report.js';

function receiveTime(input: DecodeInput, warnings: string[]): number {
  if (input.recvTime !== undefined && !isNaN(input.recvTime.getTime())) {
    return input.recvTime.getTime();
  }
  // The vendor's decoder also falls back to the decoding machine's clock.
  warnings.push('no receive time: sample dates use the decoder clock');
  return new Date().getTime();
}

function decodeUplink(device: WattecoDevice, input: DecodeInput): Decoded {
  if (input.fPort !== WATTECO_FPORT) {
    fail(`uplink: Watteco frames travel on FPort ${WATTECO_FPORT}, got ${input.fPort}`);
  }
  if (input.bytes.length === 0) fail('uplink: empty frame');
  const warnings: string[] = [];
  const now = receiveTime(input, warnings);

  if (isBatchFrame(input.bytes)) {
    const table = device.batch;
    if (table === undefined) fail(`batch report: ${device.id} sends no batch reports`, 0);
    const frame = decodeBatchFrame(input.bytes, table);
    const samples: Sample[] = frame.points.map((p) => {
      const s = table.series[p.series]!;
      const when = now - (frame.timestampS - p.timestampS) * 1000;
      return { variable: s.name, value: p.raw / s.divide, date: new Date(when).toISOString() };
    });
    return { data: sampleData(samples, device.units, { batch_counter: frame.counter }), warnings };
  }

  const result = decodeStandardFrame(input.bytes, device);
  warnings.push(...result.warnings);
  if (result.kind === 'header') return { data: result.header, warnings };
  const date = new Date(now).toISOString();
  const samples = result.values.map(([variable, value]) => ({ variable, value, date }));
  return { data: sampleData(samples, device.units), warnings };
}

function samplesOf(data: Record<string, unknown>, what: string): Sample[] {
  const samples = data['samples'];
  if (!(samples instanceof Array) || samples.length === 0) fail(`${what}: samples are required`);
  for (const s of samples as Sample[]) {
    if (typeof s !== 'object' || s === null || typeof s.variable !== 'string') {
      fail(`${what}: each sample needs a variable name`);
    }
  }
  return samples as Sample[];
}

function encodeBatch(device: WattecoDevice, data: Record<string, unknown>,
  variables: Record<string, unknown>): number[] {
  const what = 'batch report';
  const table = device.batch;
  if (table === undefined) fail(`${what}: ${device.id} sends no batch reports`);
  const samples = samplesOf(data, what);
  const times = samples.map((s) => Date.parse(s.date));
  for (let i = 0; i < times.length; i++) {
    if (isNaN(times[i]!)) fail(`${what}: sample ${i} has no valid date`);
  }
  // The frame's timestamp is its receive time: given, or the newest sample's date.
  const given = variables['recvTime'];
  const recv = given === undefined ? Math.max.apply(null, times) : Date.parse(String(given));
  if (isNaN(recv)) fail(`${what}: variables.recvTime is not a date`);
  let oldest = 0;
  for (const t of times) oldest = Math.max(oldest, (recv - t) / 1000);
  if (oldest !== Math.floor(oldest)) fail(`${what}: sample dates must be whole seconds apart`);

  const buckets: BatchPoint[][] = table.series.map(() => []);
  samples.forEach((s, i) => {
    let idx = -1;
    for (let k = 0; k < table.series.length; k++) {
      if (table.series[k]!.name === s.variable) idx = k;
    }
    if (idx < 0) fail(`${what}: ${device.id} has no batch series ${s.variable}`);
    const offset = (recv - times[i]!) / 1000;
    if (offset < 0 || offset !== Math.floor(offset)) {
      fail(`${what}: sample ${i} must be a whole number of seconds before the receive time`);
    }
    if (typeof s.value !== 'number') fail(`${what}: sample ${i} value must be a number`);
    const raw = scaled(s.value, table.series[idx]!.divide, s.variable, what);
    buckets[idx]!.push({ series: idx, timestampS: oldest - offset, raw });
  });
  const counter = data['batch_counter'];
  if (typeof counter !== 'number') fail(`${what}: batch_counter is required`);
  const points: BatchPoint[] = [];
  for (const b of buckets) points.push(...b);
  return encodeBatchFrame({ counter, timestampS: oldest, points }, table);
}

function encodeUplink(device: WattecoDevice, input: EncodeInput): Encoded {
  const data = input.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null) fail('uplink: data must be an object');
  if (typeof data['cmdID'] === 'string') {
    return { bytes: encodeResponseHeader(data), fPort: WATTECO_FPORT };
  }
  if ('batch_counter' in data) {
    return { bytes: encodeBatch(device, data, input.variables), fPort: WATTECO_FPORT };
  }
  const v = input.variables;
  const opts: StandardEncodeOptions = {};
  const cmd = v['zclCommand'];
  if (cmd === 'report' || cmd === 'alarm' || cmd === 'readResponse') opts.command = cmd;
  if (typeof v['endpoint'] === 'number') opts.endpoint = v['endpoint'];
  if (typeof v['reportCauses'] === 'object' && v['reportCauses'] !== null) {
    opts.causes = v['reportCauses'] as ReportCauses;
  }
  const values: [string, unknown][] = samplesOf(data, 'standard frame')
    .map((s) => [s.variable, s.value]);
  return { bytes: encodeStandardFrame(device, values, opts), fPort: WATTECO_FPORT };
}

function uplinkSchema(device: WattecoDevice): JsonSchema {
  const properties: Record<string, unknown> = {
    samples: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'value', 'date'],
        properties: {
          variable: { type: 'string' },
          value: {},
          date: { type: 'string', format: 'date-time' },
          unit: { type: 'string' },
        },
      },
    },
    batch_counter: { type: 'integer', minimum: 0, maximum: 7 },
    report: { const: 'standard' },
    endpoint: { type: 'integer' },
    cmdID: { type: 'string' },
    clustID: { type: 'string' },
    attID: { type: 'string' },
    status: { type: 'integer' },
    report_parameters: { type: 'object' },
    attribut_type: { type: 'integer' },
    min: { type: 'object' },
    max: { type: 'object' },
  };
  for (const a of device.attributes) {
    for (const f of a.fields) {
      const names = device.endpoints[f] || [f];
      for (const n of names) if (n !== 'NA') properties[n] = {};
    }
  }
  if (device.batch !== undefined) for (const s of device.batch.series) properties[s.name] = {};
  for (const v in device.units) properties[v + '_unit'] = { const: device.units[v] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${device.id} decoded uplink`,
    type: 'object',
    properties,
  };
}

function downlinkSchema(device: WattecoDevice): JsonSchema {
  const properties: Record<string, unknown> = {
    sendHexFrame: { type: 'string', pattern: '^([0-9a-fA-F]{2})+(:[0-9]{1,3})?$' },
  };
  for (const t of COMMON_DOWNLINKS.concat(device.downlinks)) {
    properties[t.name] = t.param === 'flag'
      ? { const: true, description: t.description }
      : {
        type: 'integer', description: t.description,
        minimum: t.min === undefined ? 0 : t.min,
        maximum: t.max === undefined ? (t.param === 'U8' ? 255 : 65535) : t.max,
      };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${device.id} downlink command`,
    type: 'object',
    properties,
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
  };
}

function messageTypes(device: WattecoDevice): MessageType[] {
  const up = (name: string, description: string): MessageType =>
    ({ name, direction: 'uplink', fPorts: [WATTECO_FPORT], description });
  const types: MessageType[] = [
    up('report', 'ZCL report attributes (0x0A), with optional report causes'),
    up('alarm_report', 'ZCL alarm report (0x8A): causes in warnings'),
    up('read_attribute_response', 'ZCL read attributes response (0x01)'),
    up('configure_reporting_response', 'ZCL configure reporting response (0x07)'),
    up('read_reporting_configuration_response',
      'ZCL read reporting configuration response (0x09)'),
  ];
  if (device.batch !== undefined) types.push(up('batch_report', 'Compressed batch of samples'));
  for (const t of COMMON_DOWNLINKS.concat(device.downlinks)) {
    types.push({ name: t.name, direction: 'downlink', fPorts: [WATTECO_FPORT],
      description: t.description });
  }
  types.push({ name: 'sendHexFrame', direction: 'downlink',
    description: 'Any frame given in hex, optionally with ":port"' });
  return types;
}

/** Builds the codec of a Watteco device from its table. */
export function wattecoCodec(device: WattecoDevice): CodecDefinition {
  const templates = device.downlinks.concat(COMMON_DOWNLINKS);
  return {
    id: device.id,
    vendor: 'Watteco',
    model: device.model,
    category: device.category,
    description: device.description,
    uplinkFPorts: [WATTECO_FPORT],
    downlinkFPorts: [WATTECO_FPORT],
    messageTypes: messageTypes(device),
    decodeUplink: (input) => decodeUplink(device, input),
    encodeUplink: (input) => encodeUplink(device, input),
    encodeDownlink: (input) => encodeWattecoDownlink(input.data, templates),
    decodeDownlink: (input) => ({
      data: decodeWattecoDownlink(input.bytes, input.fPort, templates),
    }),
    normalizeUplink: (data) => device.normalize(data as Record<string, unknown>),
    uplinkSchema: uplinkSchema(device),
    downlinkSchema: downlinkSchema(device),
    examples: device.examples,
  };
}
