/**
 * UL20xx system packets on FPort 99: the boot packet and the report of a rejected downlink
 * (NAS UL2030 payload description §"Boot" and §"Invalid downlink").
 */
import { fail } from '../../../../framework/codec-error.js';
import { bit, bitsByte, u32, u8, w32, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, asFields, boolField, codeOf, field, hexUpper, intField, intValue, serialValue,
  strField,
} from '../values.js';
import { decodeEpoch, encodeEpoch, epochSchema } from './time.js';

const DEVICE_CONFIG: Record<number, string> = {
  0: 'dali', 1: 'dali_nc', 2: 'dali_no', 3: 'analog_nc', 4: 'analog_no', 5: 'dali_analog_nc',
  6: 'dali_analog_no', 7: 'dali_analog_nc_no',
};

const FEATURES = ['dig_input', 'ldr_input', 'open_drain_output', 'metering'];

const RESET_REASONS = ['reset_0', 'watchdog_reset', 'soft_reset', 'reset_3', 'reset_4',
  'reset_5', 'reset_6', 'reset_7'];

/** Boot packet: serial, firmware, clock, hardware variant, DALI bus state, reset reason. */
export const BOOT: NasPacket = {
  name: 'boot_packet', fPort: 99, header: 0x00, direction: 'uplink',
  packetDescription: 'Sent after a restart: identity, firmware, DALI bus state, reset reason',
  decode(r, out, warnings) {
    out['device_serial'] = hexUpper(u32(r, 'device_serial'), 8);
    out['firmware_version'] = u8(r, 'firmware major') + '.' + u8(r, 'firmware minor') + '.' +
      u8(r, 'firmware patch');
    out['device_unix_epoch'] = decodeEpoch(u32(r, 'device_unix_epoch'), warnings);
    const config = u8(r, 'device_config');
    const name = DEVICE_CONFIG[config];
    if (name === undefined) fail(`${r.what}: invalid device_config ${config} at offset 12`, 12);
    out['device_config'] = name;
    const features = u8(r, 'optional_features');
    const f: Fields = {};
    for (let i = 0; i < 4; i++) f[FEATURES[i]!] = bit(features, 2 + i);
    out['optional_features'] = f;
    const dali = u8(r, 'dali_supply_state__V');
    const supply = dali & 0x7f;
    if (supply < 0x70) out['dali_supply_state__V'] = supply;
    else if (supply === 0x7e) out['dali_supply_state__V'] = 'bus_high';
    else if (supply === 0x7f) {
      out['dali_supply_state__V'] = 'bus_error';
      warnings.push('dali_bus_error');
    } else out['dali_supply_state__V'] = 'invalid_value';
    out['dali_power_source_external'] = bit(dali, 7) ? 'external' : 'internal';
    const drivers = u8(r, 'dali_addressed_driver_count');
    out['dali_addressed_driver_count'] = drivers & 0x7f;
    out['dali_unaddressed_driver_found'] = bit(drivers, 7);
    // The vendor's warning text, spelling included.
    if (bit(drivers, 7)) warnings.push('unadressed_dali_driver_on_bus');
    if (r.offset < r.bytes.length) {
      const reset = u8(r, 'reset_reason');
      const list: string[] = [];
      for (let i = 0; i < 8; i++) if (bit(reset, i)) list.push(RESET_REASONS[i]!);
      if (bit(reset, 1)) warnings.push('watchdog_reset');
      out['reset_reason'] = list;
    }
  },
  encodeUplink(data, w) {
    w32(w, serialValue(field(data, 'device_serial', w.what), 8, `${w.what}: device_serial`),
      'device_serial');
    const fw = /^(\d+)\.(\d+)\.(\d+)$/.exec(strField(data, 'firmware_version', w.what));
    if (fw === null) fail(`${w.what}: firmware_version: expected major.minor.patch`);
    for (let i = 1; i <= 3; i++) w8(w, Number(fw[i]), 'firmware_version');
    w32(w, encodeEpoch(data['device_unix_epoch'], `${w.what}: device_unix_epoch`), 'epoch');
    w8(w, codeOf(DEVICE_CONFIG, data['device_config'], `${w.what}: device_config`), 'config');
    const f = asFields(field(data, 'optional_features', w.what), `${w.what}: optional_features`);
    w8(w, bitsByte([false, false].concat(FEATURES.map((k) => boolField(f, k, w.what)))),
      'optional_features');
    const s = data['dali_supply_state__V'];
    const supply = s === 'bus_high' ? 0x7e : s === 'bus_error' ? 0x7f
      : intValue(s, 0, 0x6f, `${w.what}: dali_supply_state__V`);
    const ext = data['dali_power_source_external'];
    if (ext !== 'external' && ext !== 'internal') {
      fail(`${w.what}: dali_power_source_external: expected external or internal`);
    }
    w8(w, supply | (ext === 'external' ? 0x80 : 0), 'dali_supply_state__V');
    w8(w, intField(data, 'dali_addressed_driver_count', 0, 127, w.what) |
      (boolField(data, 'dali_unaddressed_driver_found', w.what) ? 0x80 : 0), 'drivers');
    const reasons = data['reset_reason'];
    if (reasons !== undefined) {
      if (!(reasons instanceof Array)) fail(`${w.what}: reset_reason: expected an array`);
      w8(w, bitsByte(RESET_REASONS.map((k) => reasons.indexOf(k) >= 0)), 'reset_reason');
    }
  },
  packetSchema: {
    device_serial: S.str, firmware_version: S.str, device_unix_epoch: epochSchema,
    device_config: S.enum(...Object.keys(DEVICE_CONFIG).map((k) => DEVICE_CONFIG[Number(k)]!)),
    optional_features: S.obj({ dig_input: S.bool, ldr_input: S.bool,
      open_drain_output: S.bool, metering: S.bool }),
    dali_supply_state__V: S.intOr('bus_high', 'bus_error', 'invalid_value'),
    dali_power_source_external: S.enum('external', 'internal'),
    dali_addressed_driver_count: S.int, dali_unaddressed_driver_found: S.bool,
    reset_reason: S.list(S.enum(...RESET_REASONS)),
  },
};

/** Downlink error codes reported in the invalid-downlink packet (shared by NAS devices). */
export const DOWNLINK_ERRORS: Record<number, string> = {
  0x02: 'unknown_fport', 0x03: 'packet_size_short', 0x04: 'packet_size_long',
  0x05: 'value_error', 0x06: 'protocol_parse_error', 0x07: 'reserved_flag_set',
  0x08: 'invalid_flag_combination', 0x09: 'unavailable_feature_request',
  0x0a: 'unsupported_header', 0x0b: 'unreachable_hw_request', 0x0c: 'address_not_available',
  0x0d: 'internal_error', 0x0e: 'packet_size_error', 0x81: 'profile_id_seq_error',
  0x82: 'profile_destination_eror', 0x83: 'profile_days_error', 0x84: 'profile_step_count_error',
  0x85: 'profile_step_value_error', 0x86: 'profile_step_unsorted_error',
};

/** The name of a downlink error code; 0 and 1 are 'n/a', unlisted ones 'invalid_error_code'. */
export function downlinkError(code: number, table: Record<number, string>): string {
  if (code <= 1) return 'n/a';
  const name = table[code];
  return name === undefined ? 'invalid_error_code' : name;
}

/** The code of a downlink error name ('n/a' as 0). */
export function downlinkErrorCode(v: unknown, table: Record<number, string>,
  what: string): number {
  if (v === 'n/a') return 0;
  return codeOf(table, v, what);
}

/** A downlink the controller rejected: its FPort and why. */
export const INVALID_DOWNLINK: NasPacket = {
  name: 'invalid_downlink_packet', fPort: 99, header: 0x13, direction: 'uplink',
  packetDescription: 'The controller rejected a downlink: its FPort and the reason',
  decode(r, out, warnings) {
    out['downlink_from_fport'] = u8(r, 'downlink_from_fport');
    out['error_reason'] = downlinkError(u8(r, 'error_reason'), DOWNLINK_ERRORS);
    warnings.push('downlink_error ' + out['error_reason']);
  },
  encodeUplink(data, w) {
    w8(w, intField(data, 'downlink_from_fport', 0, 255, w.what), 'downlink_from_fport');
    w8(w, downlinkErrorCode(data['error_reason'], DOWNLINK_ERRORS, `${w.what}: error_reason`),
      'error_reason');
  },
  packetSchema: { downlink_from_fport: S.int, error_reason: S.str },
};
