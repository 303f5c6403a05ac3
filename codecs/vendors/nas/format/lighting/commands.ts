/**
 * UL20xx commands on FPort 60 (NAS UL2030 payload description §"Commands"). The server sends
 * them as downlinks; the controller answers on the same FPort with the same layout, so each
 * packet decodes and encodes in both directions.
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Field, type TablePacket, tablePacket } from '../fields.js';
import { type Reader, type Writer, bit, left, raw, u8, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, arrField, asFields, boolField, bytesHexUpper, field, hexBytes, intField,
} from '../values.js';
import {
  addressSchema, decodeAddress, encodeAddress,
} from './dali.js';

/** A field-table FPort 60 command; its description is metadata the script build empties. */
function command(header: number, name: string, fields: Field[],
  doc: Pick<TablePacket, 'packetDescription'>): NasPacket {
  return tablePacket({ name, fPort: 60, header, packetDescription: doc.packetDescription,
    fields });
}

/** Destination records (address, level; 0xFF resumes the plan) up to the end of the frame. */
const destinations = (timed: Field[]): Field[] => [['list', 'destination', { item: ([
  ['addr', 'address', { ff: 'all_devices' }],
  ['u8', 'dimming_level__percent', { special: { 255: 'resume' } }]] as Field[]).concat(timed) }]];

/** Manual dimming: levels per destination until further notice (0xFF resumes the plan). */
export const MANUAL_DIMMING = command(0x01, 'manual_dimming', destinations([]), {
  packetDescription: 'Set outputs to a dimming level (or resume the schedule)' });

/** Timed manual dimming: as manual dimming, for a number of minutes. */
export const MANUAL_TIMED_DIMMING = command(0x09, 'manual_timed_dimming',
  destinations([['u8', 'duration__minutes']]), {
    packetDescription: 'Set outputs to a dimming level for a number of minutes' });

/**
 * Custom DALI query: address and DALI query byte (downlink), plus the driver's answer
 * (uplink). Longer bodies are only shown raw, as the vendor's decoder cannot tell them apart.
 */
export const CUSTOM_DALI_REQUEST: NasPacket = {
  name: 'custom_dali_request', fPort: 60, header: 0x03, direction: 'both',
  packetDescription: 'Send a DALI query to a driver; the answer comes back in the same layout',
  decode(r, out, warnings) {
    const n = left(r);
    out['query_data_raw'] = bytesHexUpper(r.bytes.slice(r.offset));
    if (n > 3) {
      raw(r, n, 'query_data_raw');
      return;
    }
    out['address'] = decodeAddress(u8(r, 'address'), null, warnings);
    out['dali_query'] = u8(r, 'dali_query');
    if (left(r) === 1) out['dali_response'] = u8(r, 'dali_response');
  },
  encode(data, w) {
    if (data['query_data_raw'] !== undefined) {
      const body = hexBytes(data['query_data_raw'], `${w.what}: query_data_raw`);
      if (body.length < 2) fail(`${w.what}: query_data_raw: need at least address and query`);
      for (const b of body) w.bytes.push(b);
      return;
    }
    w8(w, encodeAddress(data['address'], null, `${w.what}: address`), 'address');
    w8(w, intField(data, 'dali_query', 0, 255, w.what), 'dali_query');
    if (data['dali_response'] !== undefined) {
      w8(w, intField(data, 'dali_response', 0, 255, w.what), 'dali_response');
    }
  },
  packetSchema: { query_data_raw: S.str, address: addressSchema(null), dali_query: S.int,
    dali_response: S.int },
};

/** Custom DALI command: raw DALI frames, shown as upper-case hex. */
export const CUSTOM_DALI_COMMAND = command(0x04, 'custom_dali_command',
  [['hex', 'dali_command']], { packetDescription: 'Send raw DALI command bytes' });

const REQUEST_FLAGS = ['usage_requested', 'status_requested', 'dim_map_report_requested',
  'request_gnss_notification'];

/**
 * Status and usage request: which reports to send now. The dimming-map answer lists, per
 * driver, its DALI minimum and maximum levels and its dimming curve.
 */
export const STATUS_USAGE_REQUEST: NasPacket = {
  name: 'status_usage_request', fPort: 60, header: 0x05, direction: 'both',
  packetDescription: 'Ask for status, usage, dimming map or GNSS reports (and the dimming map answer)',
  decode(r, out, warnings) {
    const b = u8(r, 'request flags');
    for (let i = 0; i < 4; i++) out[REQUEST_FLAGS[i]!] = bit(b, i);
    if (out['dim_map_report_requested'] && left(r) > 0) {
      const drivers: Fields[] = [];
      while (left(r) > 0) {
        drivers.push({
          address: decodeAddress(u8(r, 'address'), null, warnings),
          dali_min_level: u8(r, 'dali_min_level'),
          dali_max_level: u8(r, 'dali_max_level'),
          dimming_curve: u8(r, 'dimming_curve') === 0 ? 'logarithmic' : 'linear',
        });
      }
      out['drivers'] = drivers;
    }
  },
  encode(data, w) {
    let b = 0;
    for (let i = 0; i < 4; i++) if (boolField(data, REQUEST_FLAGS[i]!, w.what)) b |= 1 << i;
    w8(w, b, 'request flags');
    if (data['drivers'] === undefined) return;
    if ((b & 4) === 0) fail(`${w.what}: drivers need dim_map_report_requested`);
    for (const v of arrField(data, 'drivers', w.what)) {
      const d = asFields(v, `${w.what}: drivers`);
      w8(w, encodeAddress(d['address'], null, `${w.what}: address`), 'address');
      w8(w, intField(d, 'dali_min_level', 0, 255, w.what), 'dali_min_level');
      w8(w, intField(d, 'dali_max_level', 0, 255, w.what), 'dali_max_level');
      const c = d['dimming_curve'];
      if (c !== 'logarithmic' && c !== 'linear') {
        fail(`${w.what}: dimming_curve: expected logarithmic or linear`);
      }
      w8(w, c === 'logarithmic' ? 0 : 1, 'dimming_curve');
    }
  },
  packetSchema: { usage_requested: S.bool, status_requested: S.bool, dim_map_report_requested: S.bool,
    request_gnss_notification: S.bool, drivers: S.list(S.obj({ address: addressSchema(null),
      dali_min_level: S.int, dali_max_level: S.int,
      dimming_curve: S.enum('logarithmic', 'linear') })) },
};

function memoryHead(r: Reader, out: Fields, warnings: string[]): void {
  out['address'] = decodeAddress(u8(r, 'address'), null, warnings);
  out['memory_bank'] = u8(r, 'memory_bank');
  out['memory_address'] = u8(r, 'memory_address');
}

function writeMemoryHead(w: Writer, data: Fields): void {
  w8(w, encodeAddress(data['address'], null, `${w.what}: address`), 'address');
  w8(w, intField(data, 'memory_bank', 0, 255, w.what), 'memory_bank');
  w8(w, intField(data, 'memory_address', 0, 255, w.what), 'memory_address');
}

/**
 * Read DALI driver memory: bank, address and size (downlink); the answer adds the bytes.
 * An empty body is the controller saying the read failed (a warning).
 */
export const DRIVER_MEMORY_READ: NasPacket = {
  name: 'driver_memory_read', fPort: 60, header: 0x07, direction: 'both',
  packetDescription: 'Read bytes of a DALI driver memory bank (and the answer)',
  decode(r, out, warnings) {
    if (left(r) === 0) {
      warnings.push('driver_memory_read_failed');
      return;
    }
    memoryHead(r, out, warnings);
    const size = u8(r, 'read_size__bytes');
    out['read_size__bytes'] = size;
    if (left(r) > 0) out['memory_value'] = bytesHexUpper(raw(r, size, 'memory_value'));
  },
  encode(data, w) {
    if (data['address'] === undefined) return;
    writeMemoryHead(w, data);
    const size = intField(data, 'read_size__bytes', 0, 255, w.what);
    w8(w, size, 'read_size__bytes');
    if (data['memory_value'] === undefined) return;
    const value = hexBytes(data['memory_value'], `${w.what}: memory_value`);
    if (value.length !== size) {
      fail(`${w.what}: memory_value has ${value.length} bytes, read_size__bytes says ${size}`);
    }
    for (const b of value) w.bytes.push(b);
  },
  packetSchema: { address: addressSchema(null), memory_bank: S.int, memory_address: S.int,
    read_size__bytes: S.int, memory_value: S.str },
};

/** Write DALI driver memory; an empty answer body means the write failed (a warning). */
export const DRIVER_MEMORY_WRITE: NasPacket = {
  name: 'driver_memory_write', fPort: 60, header: 0x08, direction: 'both',
  packetDescription: 'Write bytes into a DALI driver memory bank (and the answer)',
  decode(r, out, warnings) {
    if (left(r) === 0) {
      warnings.push('driver_memory_write_failed');
      return;
    }
    memoryHead(r, out, warnings);
    out['memory_value'] = bytesHexUpper(raw(r, left(r), 'memory_value'));
  },
  encode(data, w) {
    if (data['address'] === undefined) return;
    writeMemoryHead(w, data);
    for (const b of hexBytes(field(data, 'memory_value', w.what), `${w.what}: memory_value`)) {
      w.bytes.push(b);
    }
  },
  packetSchema: { address: addressSchema(null), memory_bank: S.int, memory_address: S.int,
    memory_value: S.str },
};

/** Give a DALI driver a short address, or rescan the bus (0xFF). */
export const ADDRESS_DALI_DRIVER = command(0x0a, 'address_dali_driver',
  [['addr', 'address', { ff: 'rescan_dali_bus' }]],
  { packetDescription: 'Assign a DALI short address, or rescan the DALI bus' });

/** Make the DALI drivers identify themselves (blink). */
export const DALI_IDENTIFY = command(0x0b, 'dali_identify', [],
  { packetDescription: 'Make DALI drivers identify themselves' });

/** Switch the open-drain output. */
export const OPEN_DRAIN_OUTPUT_CONTROL = command(0x0c, 'open_drain_output_control',
  [['bit0', 'open_drain_output_on']],
  { packetDescription: 'Switch the open-drain output on or off' });

/** Every FPort 60 packet. */
export const COMMANDS = [MANUAL_DIMMING, CUSTOM_DALI_REQUEST, CUSTOM_DALI_COMMAND,
  STATUS_USAGE_REQUEST, DRIVER_MEMORY_READ, DRIVER_MEMORY_WRITE, MANUAL_TIMED_DIMMING,
  ADDRESS_DALI_DRIVER, DALI_IDENTIFY, OPEN_DRAIN_OUTPUT_CONTROL];
