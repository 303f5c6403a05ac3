/**
 * UL20xx commands on FPort 60 (NAS UL2030 payload description §"Commands"). The server sends
 * them as downlinks; the controller answers on the same FPort with the same layout, so each
 * packet decodes and encodes in both directions.
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Field, type TablePacket, tablePacket } from '../fields.js';
import { left, raw, u8, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import { bytesHexUpper, hexBytes, intField } from '../values.js';
import { addressSchema, decodeAddress, encodeAddress } from './dali.js';

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

/**
 * Status and usage request: which reports to send now. The dimming-map answer lists, per
 * driver, its DALI minimum and maximum levels and its dimming curve (0 logarithmic, any other
 * value linear).
 */
export const STATUS_USAGE_REQUEST = command(0x05, 'status_usage_request', [
  ['flags', 'request flags', { bits: ['usage_requested', 'status_requested',
    'dim_map_report_requested', 'request_gnss_notification'] }],
  ['list', 'drivers', { optional: true, when: 'dim_map_report_requested', item: [
    ['addr', 'address'], ['u8', 'dali_min_level'], ['u8', 'dali_max_level'],
    ['enum', 'dimming_curve', { table: { 0: 'logarithmic', 1: 'linear' }, rest: 'linear' }],
  ] }],
], { packetDescription:
  'Ask for status, usage, dimming map or GNSS reports (and the dimming map answer)' });

/** Driver, memory bank and address of a memory read or write. */
const MEMORY: Field[] = [['addr', 'address'], ['u8', 'memory_bank'], ['u8', 'memory_address']];

/**
 * Read DALI driver memory: bank, address and size (downlink); the answer adds the bytes.
 * An empty body is the controller saying the read failed (a warning).
 */
export const DRIVER_MEMORY_READ = tablePacket({ name: 'driver_memory_read', fPort: 60,
  header: 0x07, emptyWarning: 'driver_memory_read_failed', fields: MEMORY.concat([
    ['u8', 'read_size__bytes'],
    ['hex', 'memory_value', { optional: true, sizeFrom: 'read_size__bytes' }]]),
  packetDescription: 'Read bytes of a DALI driver memory bank (and the answer)' });

/** Write DALI driver memory; an empty answer body means the write failed (a warning). */
export const DRIVER_MEMORY_WRITE = tablePacket({ name: 'driver_memory_write', fPort: 60,
  header: 0x08, emptyWarning: 'driver_memory_write_failed',
  fields: MEMORY.concat([['hex', 'memory_value']]),
  packetDescription: 'Write bytes into a DALI driver memory bank (and the answer)' });

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
