/**
 * Watteco standard frames on FPort 125: a frame-control byte (bit 0 set; endpoint in bits 7-5
 * and 2-1), a ZCL command id, a cluster id, then per command (Watteco "ZCL LoRaWAN"
 * application layer, after ZCL 07-5123 §2.5):
 * - 0x0A report attributes / 0x8A alarm report: attribute id, type, value, optional causes;
 * - 0x01 read attributes response: attribute id, status, type, value;
 * - 0x07 configure reporting response: status, report parameters, attribute id;
 * - 0x09 read reporting configuration response: as 0x07, then type, min and max intervals.
 */
import { fail } from '../../../framework/codec-error.js';
import { need, writeUintBE } from '../../../framework/bytes.js';
import type { AttributeSpec } from './attribute.js';
import { type ReportCauses, decodeCauses, encodeCauses } from './alarm-causes.js';
import { findAttribute } from './clusters.js';
import type { WattecoDevice } from './device.js';
import { zclTypeSize } from './zcl-types.js';

/** ZCL command id: read attributes response. */
export const CMD_READ_RESPONSE = 0x01;
/** ZCL command id: configure reporting response. */
export const CMD_CONFIGURE_RESPONSE = 0x07;
/** ZCL command id: read reporting configuration response. */
export const CMD_READ_CONFIGURATION_RESPONSE = 0x09;
/** ZCL command id: report attributes. */
export const CMD_REPORT = 0x0a;
/** ZCL command id: report attributes with alarm (Watteco). */
export const CMD_ALARM_REPORT = 0x8a;

/** The result of a standard frame: named values, or the header object of a response. */
export type StandardResult =
  | { kind: 'values'; values: [string, unknown][]; warnings: string[] }
  | { kind: 'header'; header: Record<string, unknown>; warnings: string[] };

/** Endpoint number of a frame-control byte. */
export function endpointOf(frameControl: number): number {
  return ((frameControl & 0xe0) >> 5) | ((frameControl & 0x06) << 2);
}

/** Frame-control byte of a standard frame for `endpoint` (0 to 31). */
export function frameControlFor(endpoint: number): number {
  return 0x11 | ((endpoint & 0x07) << 5) | (((endpoint >> 3) & 0x03) << 1);
}

function hex(value: number, digits: number): string {
  let s = value.toString(16).toUpperCase();
  while (s.length < digits) s = '0' + s;
  return '0x' + s;
}

/** Variable name of `field` at `endpoint`, per the device's endpoint table. */
export function variableFor(device: WattecoDevice, field: string, endpoint: number):
  string | undefined {
  const names = device.endpoints[field];
  if (names === undefined) return field;
  return names[endpoint];
}

function bitsOf(byte: number): string {
  let s = byte.toString(2);
  while (s.length < 8) s = '0' + s;
  return s;
}

const CAUSE_REQUESTS = ['none', 'short', 'long', 'reserved'];

function reportParameters(byte: number): Record<string, unknown> {
  // The vendor shows each flag as the character '0' or '1' of the byte's binary form.
  const bits = bitsOf(byte);
  return {
    new_mode_configuration: bits[0],
    cause_request: CAUSE_REQUESTS[(byte >> 4) & 0x03],
    secured_if_alarm: bits[4],
    secured: bits[5],
    no_hearde_port: bits[6],
    batch: bits[7],
  };
}

function interval(hi: number, lo: number): { value: number; unit: string } {
  // Bit 15 set: the interval counts minutes, else seconds.
  return (hi & 0x80) !== 0
    ? { value: (hi - 0x80) * 256 + lo, unit: 'minutes' }
    : { value: hi * 256 + lo, unit: 'seconds' };
}

/**
 * Decodes a standard (non-batch) frame with a device table.
 * @throws CodecError for an unknown command or attribute, or a frame too short.
 */
export function decodeStandardFrame(bytes: number[], device: WattecoDevice): StandardResult {
  need(bytes, 0, 4, 'standard frame header');
  const endpoint = endpointOf(bytes[0]!);
  const cmd = bytes[1]!;
  const cluster = bytes[2]! * 256 + bytes[3]!;
  const header: Record<string, unknown> = {
    report: 'standard', endpoint, cmdID: hex(cmd, 2), clustID: hex(cluster, 4),
  };

  if (cmd === CMD_CONFIGURE_RESPONSE || cmd === CMD_READ_CONFIGURATION_RESPONSE) {
    const what = cmd === CMD_CONFIGURE_RESPONSE
      ? 'configure reporting response' : 'read reporting configuration response';
    need(bytes, 0, cmd === CMD_CONFIGURE_RESPONSE ? 8 : 13, what);
    header['attID'] = hex(bytes[6]! * 256 + bytes[7]!, 4);
    header['status'] = bytes[4];
    header['report_parameters'] = reportParameters(bytes[5]!);
    if (cmd === CMD_READ_CONFIGURATION_RESPONSE) {
      // Limitation: the power-descriptor delta fields that follow for cluster 0x0050
      // attribute 0x0006 are not decoded.
      header['attribut_type'] = bytes[8];
      header['min'] = interval(bytes[9]!, bytes[10]!);
      header['max'] = interval(bytes[11]!, bytes[12]!);
    }
    return { kind: 'header', header, warnings: [] };
  }

  if (cmd !== CMD_REPORT && cmd !== CMD_ALARM_REPORT && cmd !== CMD_READ_RESPONSE) {
    fail(`standard frame: unknown ZCL command ${hex(cmd, 2)} at offset 1`, 1);
  }
  const what = cmd === CMD_READ_RESPONSE ? 'read attribute response' : 'report';
  const valueAt = cmd === CMD_READ_RESPONSE ? 8 : 7;
  need(bytes, 0, valueAt + 1, what);
  const attribute = bytes[4]! * 256 + bytes[5]!;
  if (cmd === CMD_READ_RESPONSE && bytes[6] !== 0) {
    fail(`${what}: status ${hex(bytes[6]!, 2)} for attribute ${hex(attribute, 4)} ` +
      `of cluster ${hex(cluster, 4)} (not a success)`, 6);
  }
  const spec = findAttribute(device.attributes, cluster, attribute);
  if (spec === undefined) {
    fail(`${what}: cluster ${hex(cluster, 4)} attribute ${hex(attribute, 4)} is not reported ` +
      `by ${device.id}`, 2);
  }
  const frameType = bytes[valueAt - 1]!;
  const decoded = spec.decode(bytes, valueAt, frameType, what);

  const warnings: string[] = [];
  if (cmd !== CMD_READ_RESPONSE && spec.alarm !== undefined) {
    const size = zclTypeSize(frameType) || zclTypeSize(spec.zclType) || 2;
    warnings.push(...decodeCauses(bytes, decoded.end, cmd === CMD_ALARM_REPORT, spec.alarm, size));
  } else {
    if (cmd === CMD_ALARM_REPORT) warnings.push('alarm triggered');
    if (decoded.end < bytes.length) {
      warnings.push(`${bytes.length - decoded.end} bytes after the value at offset ` +
        `${decoded.end} ignored`);
    }
  }

  const values: [string, unknown][] = [];
  for (const [field, value] of decoded.values) {
    if (cmd === CMD_READ_RESPONSE) {
      values.push([field, value]);
      continue;
    }
    const variable = variableFor(device, field, endpoint);
    if (variable === undefined) {
      warnings.push(`endpoint ${endpoint} has no variable for ${field}; named ${field}`);
      values.push([field, value]);
    } else if (variable === 'NA') {
      values.push(['NA', 'NA']);
    } else {
      values.push([variable, value]);
    }
  }
  return { kind: 'values', values, warnings };
}

/** Options of {@link encodeStandardFrame}, taken from the encoder's `variables`. */
export interface StandardEncodeOptions {
  /** `report` (0x0A, default), `alarm` (0x8A) or `readResponse` (0x01). */
  command?: 'report' | 'alarm' | 'readResponse';
  /** Endpoint of a read response (reports take it from the variable names). */
  endpoint?: number;
  causes?: ReportCauses;
}

/** Every (attribute, endpoint) whose fields can be named `variable`. */
function candidates(device: WattecoDevice, variable: string, fallbackEndpoint: number,
  byField: boolean): { spec: AttributeSpec; endpoint: number }[] {
  const out: { spec: AttributeSpec; endpoint: number }[] = [];
  for (const spec of device.attributes) {
    for (const field of spec.fields) {
      const names = byField ? undefined : device.endpoints[field];
      if (names === undefined) {
        if (field === variable) out.push({ spec, endpoint: fallbackEndpoint });
        continue;
      }
      for (let e = 0; e < names.length; e++) {
        if (names[e] === variable) out.push({ spec, endpoint: e });
      }
    }
  }
  return out;
}

/** The fields of `spec` at `endpoint` taken from `values`, or undefined if some are left. */
function fieldsFor(device: WattecoDevice, spec: AttributeSpec, endpoint: number,
  values: [string, unknown][], byField: boolean): Record<string, unknown> | undefined {
  const fields: Record<string, unknown> = {};
  const consumed: Record<string, boolean> = {};
  for (const field of spec.fields) {
    const variable = byField ? field : variableFor(device, field, endpoint);
    if (variable === undefined || variable === 'NA') continue;
    for (const [n, v] of values) {
      if (n !== variable) continue;
      fields[field] = v;
      consumed[n] = true;
    }
  }
  for (const [n] of values) if (n !== 'NA' && consumed[n] !== true) return undefined;
  return fields;
}

/**
 * Encodes the frame a device sends for the given (variable, value) pairs, all of one
 * attribute. "NA" placeholders encode as zero.
 * @throws CodecError when a variable is unknown or the values span several attributes.
 */
export function encodeStandardFrame(device: WattecoDevice, values: [string, unknown][],
  opts: StandardEncodeOptions): number[] {
  const what = 'standard frame';
  const byField = opts.command === 'readResponse';
  let first: string | undefined;
  for (const [variable] of values) if (variable !== 'NA' && first === undefined) first = variable;
  if (first === undefined) fail(`${what}: no sample to encode`);
  const options = candidates(device, first, opts.endpoint === undefined ? 0 : opts.endpoint,
    byField);
  if (options.length === 0) fail(`${what}: ${device.id} has no variable ${first}`);
  let chosen: { spec: AttributeSpec; endpoint: number; fields: Record<string, unknown> } |
    undefined;
  for (const o of options) {
    const fields = fieldsFor(device, o.spec, o.endpoint, values, byField);
    if (fields !== undefined) {
      chosen = { spec: o.spec, endpoint: o.endpoint, fields };
      break;
    }
  }
  if (chosen === undefined) {
    fail(`${what}: the samples span several attributes; a standard frame carries one`);
  }
  const { spec, endpoint, fields } = chosen;

  const cmd = opts.command === 'alarm' ? CMD_ALARM_REPORT
    : opts.command === 'readResponse' ? CMD_READ_RESPONSE : CMD_REPORT;
  const out = [frameControlFor(endpoint), cmd];
  writeUintBE(out, spec.cluster, 2, what);
  writeUintBE(out, spec.attribute, 2, what);
  if (cmd === CMD_READ_RESPONSE) out.push(0);
  out.push(spec.zclType);
  out.push(...spec.encode(fields, what));
  if (opts.causes !== undefined && cmd !== CMD_READ_RESPONSE) {
    if (spec.alarm === undefined) fail(`${what}: ${spec.fields[0]} reports carry no causes`);
    out.push(...encodeCauses(opts.causes, spec.alarm, zclTypeSize(spec.zclType) || 2));
  }
  return out;
}

/** Encodes a configure-reporting (0x07) or read-reporting-configuration (0x09) response. */
export function encodeResponseHeader(header: Record<string, unknown>): number[] {
  const what = 'reporting response';
  const cmd = parseInt(String(header['cmdID']), 16);
  const cluster = parseInt(String(header['clustID']), 16);
  const attribute = parseInt(String(header['attID']), 16);
  const endpoint = Number(header['endpoint']);
  const rp = header['report_parameters'] as Record<string, unknown> | undefined;
  if ((cmd !== CMD_CONFIGURE_RESPONSE && cmd !== CMD_READ_CONFIGURATION_RESPONSE) ||
    !(cluster >= 0 && cluster <= 0xffff) || !(attribute >= 0 && attribute <= 0xffff) ||
    !(endpoint >= 0 && endpoint <= 31) || typeof rp !== 'object' || rp === null) {
    fail(`${what}: cmdID, clustID, attID, endpoint and report_parameters are required`);
  }
  const bit = (k: string, shift: number): number => (rp[k] === '1' ? 1 << shift : 0);
  const cause = CAUSE_REQUESTS.indexOf(String(rp['cause_request']));
  if (cause < 0) fail(`${what}: cause_request must be one of ${CAUSE_REQUESTS.join(', ')}`);
  const params = bit('new_mode_configuration', 7) | (cause << 4) | bit('secured_if_alarm', 3) |
    bit('secured', 2) | bit('no_hearde_port', 1) | bit('batch', 0);
  const out = [frameControlFor(endpoint), cmd];
  writeUintBE(out, cluster, 2, what);
  writeUintBE(out, Number(header['status']), 1, `${what} status`);
  out.push(params);
  writeUintBE(out, attribute, 2, what);
  if (cmd === CMD_READ_CONFIGURATION_RESPONSE) {
    writeUintBE(out, Number(header['attribut_type']), 1, `${what} attribut_type`);
    for (const k of ['min', 'max']) {
      const iv = header[k] as { value?: unknown; unit?: unknown } | undefined;
      const minutes = iv !== undefined && iv.unit === 'minutes';
      const v = iv === undefined ? NaN : Number(iv.value);
      if (v > 0x7fff) fail(`${what}: ${k} must be below 32768`);
      writeUintBE(out, v + (minutes ? 0x8000 : 0), 2, `${what} ${k}`);
    }
  }
  return out;
}

/** Reads a frame-control byte: true when the frame is a batch report. */
export function isBatchFrame(bytes: number[]): boolean {
  return bytes.length > 0 && (bytes[0]! & 0x01) === 0;
}

