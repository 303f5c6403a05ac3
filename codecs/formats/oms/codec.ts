/**
 * `generic/oms`: an OMS / wM-Bus application layer frame (CI field, header, data records)
 * carried in a LoRaWAN FRMPayload, as OMS vol. 2 annex Q and several water and heat meters do.
 */
import { fail } from '../../framework/codec-error.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition, DecodeInput, EncodeInput } from '../../framework/types.js';
import { decodeOmsHeader, encodeOmsHeader, type OmsHeader } from './header.js';
import {
  decodeOmsRecords, encodeOmsRecords, type OmsRecord, type OmsRecordInput,
} from './records.js';

/** Decoded `generic/oms` uplink. */
export interface OmsFrame {
  header: OmsHeader;
  records: OmsRecord[];
  manufacturerData?: string;
  moreRecordsFollow?: boolean;
}

/** Status byte bits (EN 13757-7:2018 table 8), as alarm names. */
export function omsStatusAlarms(status: number): string[] {
  const out: string[] = [];
  const app = status & 0x03;
  if (app === 1) out.push('APPLICATION_BUSY');
  if (app === 2) out.push('APPLICATION_ERROR');
  if (app === 3) out.push('ABNORMAL_CONDITION');
  if (status & 0x04) out.push('LOW_BATTERY');
  if (status & 0x08) out.push('PERMANENT_ERROR');
  if (status & 0x10) out.push('TEMPORARY_ERROR');
  return out;
}

/** Decodes a whole OMS frame from `bytes`. */
export function decodeOmsFrame(bytes: number[]): OmsFrame {
  const h = decodeOmsHeader(bytes, 0);
  const r = decodeOmsRecords(bytes, h.offset);
  const out: OmsFrame = { header: h.header, records: r.records };
  if (r.manufacturerData !== undefined) out.manufacturerData = r.manufacturerData;
  if (r.moreRecordsFollow) out.moreRecordsFollow = true;
  return out;
}

/** Encodes a whole OMS frame (header, records, manufacturer data). */
export function encodeOmsFrame(frame: {
  header: OmsHeader; records: OmsRecordInput[]; manufacturerData?: string;
  moreRecordsFollow?: boolean;
}): number[] {
  if (typeof frame !== 'object' || frame === null) fail('oms: data must be an object');
  const out: number[] = [];
  encodeOmsHeader(out, frame.header);
  const recs = encodeOmsRecords(frame.records);
  for (let i = 0; i < recs.length; i++) out.push(recs[i]!);
  if (frame.manufacturerData !== undefined || frame.moreRecordsFollow) {
    out.push(frame.moreRecordsFollow ? 0x1f : 0x0f);
    const hex = frame.manufacturerData ?? '';
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) fail('oms: manufacturerData must be hex');
    for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
  }
  return out;
}

/** Lowest-storage instantaneous record of `quantity` with a number value. */
function pick(records: OmsRecord[], quantity: string): OmsRecord | undefined {
  let best: OmsRecord | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.quantity !== quantity || r.function !== 'instantaneous' || r.tariff !== 0) continue;
    if (r.profile || typeof r.scaledValue !== 'number') continue;
    if (!best || r.storage < best.storage) best = r;
  }
  return best;
}

/** The harmonised water view of OMS records (volume m3, flow m3/h, reading time, battery). */
export function normalizeOmsRecords(records: OmsRecord[], status?: number): HarmonisedWater {
  const out: HarmonisedWater = { category: 'water' };
  const vol = pick(records, 'volume');
  if (vol && vol.unit === 'm3') out.volumeM3 = vol.scaledValue!;
  const flow = pick(records, 'volumeFlow');
  if (flow) {
    const perHour = flow.unit === 'm3/h' ? 1 : flow.unit === 'm3/min' ? 60 : 3600;
    out.flowM3h = flow.scaledValue! * perHour;
  }
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.quantity === 'dateTime' && typeof r.value === 'string' && vol &&
      r.storage === vol.storage) out.readingTime = r.value;
  }
  if (status !== undefined) out.lowBattery = (status & 0x04) !== 0;
  return out;
}

/** The `generic/oms` codec. */
export const omsCodec: CodecDefinition = {
  id: 'generic/oms',
  vendor: 'generic',
  model: 'oms',
  category: 'water',
  description: 'OMS / wireless M-Bus application layer (EN 13757-3, OMS vol. 2): CI 0x78, ' +
    '0x7A or 0x72 header then DIF/VIF data records, unencrypted.',
  uplinkFPorts: [],
  downlinkFPorts: [],
  messageTypes: [{ name: 'oms', direction: 'uplink',
    description: 'CI field, transport header and EN 13757-3 data records' }],
  decodeUplink(input: DecodeInput) {
    return { data: decodeOmsFrame(input.bytes) };
  },
  encodeUplink(input: EncodeInput) {
    return { bytes: encodeOmsFrame(input.data as OmsFrame), fPort: 1 };
  },
  normalizeUplink(data: unknown) {
    const f = data as OmsFrame;
    return normalizeOmsRecords(f.records, f.header.status);
  },
  uplinkSchema: {
    type: 'object',
    required: ['header', 'records'],
    properties: {
      header: { type: 'object', required: ['ci', 'kind'] },
      records: { type: 'array', items: { type: 'object',
        required: ['dataField', 'function', 'storage', 'vib', 'value'] } },
      manufacturerData: { type: 'string' },
      moreRecordsFollow: { type: 'boolean' },
    },
  },
  examples: [{
    description: 'No-header frame with one volume record: 10000 L as 10 m3',
    operation: 'decodeUplink', fPort: 1, bytesHex: '78041310270000',
    data: { header: { ci: 120, kind: 'none' }, records: [{ dataField: 4, coding: 'int32',
      function: 'instantaneous', storage: 0, tariff: 0, subUnit: 0, vib: [19],
      vifTable: 'primary', vifCode: 19, quantity: 'volume', description: 'Volume', unit: 'm3',
      exponent: -3, value: 10000, scaledValue: 10 }] },
    source: 'loire, bytes assembled by hand from EN 13757-3 (DIF 0x04, VIF 0x13)',
  }],
};

/** Codecs of this folder. */
export const omsCodecs: CodecDefinition[] = [omsCodec];
