/**
 * CM30xx commands (FPort 60) and system packets (FPort 99): local time, firmware update mode,
 * boot and rejected downlinks (NAS "CM3xxx payload description").
 */
import { fail } from '../../../../framework/codec-error.js';
import { bit, bitsByte, u24, u32, u8, w24, w32, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  boolField, codeOf, epochOfIso, intField, intValue, numField, strField,
} from '../values.js';
import { downlinkError, downlinkErrorCode } from '../lighting/system.js';
import { serialNumber, serialText } from './meter-fields.js';

/** 2020-01-01T00:00:00Z: earlier device times are shown as `'invalid'`. */
const START_OF_2020 = 1577836800;

/** Asks the reader for its clock (a lone header byte). */
export const LOCAL_TIME_REQUEST: NasPacket = {
  name: 'local_time_request', fPort: 60, header: 0x03, direction: 'downlink',
  packetDescription: 'Ask the reader for its clock',
  matchesFrame: (bytes) => bytes.length === 1,
  decode() {}, encode() {}, packetSchema: {},
};

/**
 * The reader's clock, in seconds and as ISO 8601 UTC without milliseconds. (The vendor's
 * latest decoder mistakes a lone 0x03 for this packet and fails; here length decides.)
 */
export const LOCAL_TIME_RESPONSE: NasPacket = {
  name: 'local_time_response', fPort: 60, header: 0x03, direction: 'uplink',
  packetDescription: 'The reader\'s clock',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const s = u32(r, 'device_local_time__s');
    out['device_local_time__s'] = s;
    out['device_local_time_formatted'] = s < START_OF_2020 ? 'invalid'
      : new Date(s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  },
  encodeUplink(data, w) {
    const s = intField(data, 'device_local_time__s', 0, 0xffffffff, w.what);
    const text = data['device_local_time_formatted'];
    if (text !== undefined && text !== 'invalid' &&
      epochOfIso(text, `${w.what}: device_local_time_formatted`) !== s) {
      fail(`${w.what}: device_local_time_formatted disagrees with device_local_time__s`);
    }
    w32(w, s, 'device_local_time__s');
  },
  packetSchema: { device_local_time__s: S.int, device_local_time_formatted: S.str },
};

/** Puts the reader in firmware update mode. */
export const ENTER_DFU: NasPacket = {
  name: 'enter_dfu_command', fPort: 60, header: 0xff, direction: 'downlink',
  packetDescription: 'Enter firmware update (DFU) mode', decode() {}, encode() {}, packetSchema: {},
};

const WAKEUP = ['reason_0', 'watchdog_reset', 'soft_reset', 'reason_3', 'magnet_wakeup',
  'reason_5', 'reason_6', 'nfc_wakeup'];
const PACKET_REASON: Record<number, string> = {
  0: 'unknown_reset', 1: 'from_shutdown', 2: 'from_dfu', 3: 'froced_reset', 4: 'lorawan_rejoin',
};

/**
 * Boot packet of a meter reader: serial, firmware, wake-up reasons, why the packet was sent,
 * meter hardware (from `hardware`) and accumulated uptime (hours, shown in days). The CM30xx
 * has two reserved bytes before the uptime (`reserved`), the UM30xx none.
 */
export function meterBoot(hardware: Record<number, string>, reserved: number): NasPacket {
  const hwAt = 10;
  return {
    name: 'boot_packet', fPort: 99, header: 0x00, direction: 'uplink',
    packetDescription: 'Sent after a restart: identity, firmware, wake-up reason, meter hardware',
    decode(r, out) {
      out['device_serial'] = serialText(u32(r, 'device_serial'));
      out['device_firmware_version'] = u8(r, 'firmware major') + '.' +
        u8(r, 'firmware minor') + '.' + u8(r, 'firmware patch');
      const wake = u8(r, 'wakeup_reason_mcu');
      const list: string[] = [];
      for (let i = 0; i < 8; i++) if (bit(wake, i)) list.push(WAKEUP[i]!);
      out['wakeup_reason_mcu'] = list;
      const b = u8(r, 'packet_reason');
      const reason = PACKET_REASON[b >> 4 & 7];
      if (reason === undefined) {
        fail(`boot_packet: invalid packet_reason ${b >> 4 & 7} at offset 9`, 9);
      }
      out['packet_reason'] = reason;
      out['configuration_restored'] = bit(b, 7);
      const hw = u8(r, 'hardware_configuration');
      const name = hardware[hw];
      // The vendor reports an unknown hardware code as an error (invalid_hardware_config).
      if (name === undefined) {
        fail(`boot_packet: invalid_hardware_config 0x${hw.toString(16)} at offset ${hwAt}`, hwAt);
      }
      out['hardware_configuration'] = name;
      for (let i = 0; i < reserved; i++) u8(r, 'reserved');
      out['device_uptime_accumulated__days'] = parseFloat((u24(r, 'uptime') / 24).toFixed(2));
    },
    encodeUplink(data, w) {
      w32(w, serialNumber(data['device_serial'], `${w.what}: device_serial`), 'device_serial');
      const fw = /^(\d+)\.(\d+)\.(\d+)$/.exec(strField(data, 'device_firmware_version', w.what));
      if (fw === null) fail(`${w.what}: device_firmware_version: expected major.minor.patch`);
      for (let i = 1; i <= 3; i++) w8(w, Number(fw[i]), 'device_firmware_version');
      const wake = data['wakeup_reason_mcu'];
      if (!(wake instanceof Array)) fail(`${w.what}: wakeup_reason_mcu: expected an array`);
      w8(w, bitsByte(WAKEUP.map((k) => wake.indexOf(k) >= 0)), 'wakeup_reason_mcu');
      w8(w, codeOf(PACKET_REASON, data['packet_reason'], `${w.what}: packet_reason`) << 4 |
        (boolField(data, 'configuration_restored', w.what) ? 0x80 : 0), 'packet_reason');
      w8(w, codeOf(hardware, data['hardware_configuration'], `${w.what}: hardware`), 'hardware');
      for (let i = 0; i < reserved; i++) w8(w, 0, 'reserved');
      w24(w, intValue(Math.round(numField(data, 'device_uptime_accumulated__days', w.what) * 24),
        0, 0xffffff, `${w.what}: device_uptime_accumulated__days`), 'uptime');
    },
    packetSchema: { device_serial: S.str, device_firmware_version: S.str,
      wakeup_reason_mcu: S.list(S.enum(...WAKEUP)),
      packet_reason: S.enum('unknown_reset', 'from_shutdown', 'from_dfu', 'froced_reset',
        'lorawan_rejoin'),
      configuration_restored: S.bool,
      hardware_configuration: { enum: Object.keys(hardware).map((k) => hardware[Number(k)]) },
      device_uptime_accumulated__days: S.num },
  };
}

/** Meter registers the CM30xx reads. */
export const CM_HARDWARE: Record<number, string> = {
  0x00: 'Modularis', 0x01: 'Cyble', 0x02: 'Falcon_PR', 0x03: 'Picoflux', 0x04: 'Falcon_MJ',
  0x06: 'RCM_LMx', 0x20: 'BK_G',
};

/** CM30xx boot packet. */
export const METER_BOOT = meterBoot(CM_HARDWARE, 2);

/** Error codes of the meter readers' rejected-downlink packet. */
export const METER_DOWNLINK_ERRORS: Record<number, string> = {
  0x02: 'unknown_fport', 0x03: 'packet_size_short', 0x04: 'packet_size_long',
  0x05: 'value_error', 0x06: 'protocol_parse_error', 0x07: 'reserved_flag_set',
  0x08: 'invalid_flag_combination', 0x09: 'unavailable_feature_request',
  0x0a: 'unsupported_header', 0x0b: 'unreachable_hw_request', 0x0c: 'address_not_available',
  0x0d: 'internal_error',
};

/** A downlink the reader rejected: its FPort and why (also a warning). */
export const FAULTY_DOWNLINK: NasPacket = {
  name: 'faulty_downlink_packet', fPort: 99, header: 0x13, direction: 'uplink',
  packetDescription: 'The reader rejected a downlink: its FPort and the reason',
  decode(r, out, warnings) {
    out['packet_fport'] = u8(r, 'packet_fport');
    out['packet_error_reason'] = downlinkError(u8(r, 'packet_error_reason'),
      METER_DOWNLINK_ERRORS);
    warnings.push('faulty_downlink_packet ' + out['packet_error_reason']);
  },
  encodeUplink(data, w) {
    w8(w, intField(data, 'packet_fport', 0, 255, w.what), 'packet_fport');
    w8(w, downlinkErrorCode(data['packet_error_reason'], METER_DOWNLINK_ERRORS,
      `${w.what}: packet_error_reason`), 'packet_error_reason');
  },
  packetSchema: { packet_fport: S.int, packet_error_reason: S.str },
};
