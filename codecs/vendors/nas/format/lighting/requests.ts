/**
 * UL20xx configuration requests (FPort 49: "send me your configuration X", answered on
 * FPort 50) and system commands (FPort 51), NAS UL2030 payload description.
 */
import { type Field, tablePacket } from '../fields.js';
import type { NasPacket } from '../packet.js';
import type { Fields } from '../values.js';

/** A request: FPort 49, the header of the configuration asked for, and its fields. */
function request(header: number, name: string, what: string, fields: Field[] = []): NasPacket {
  return tablePacket({ name, fPort: 49, header, direction: 'downlink', fields,
    packetDescription: `Ask for the ${what} configuration` });
}

/** Profile request: one profile id, or 0xFF for all. */
export const PROFILE_CONFIG_REQUEST = request(0x21, 'profile_config_request', 'profile',
  [['u8', 'profile_id', { special: { 255: 'all_profiles' } }]]);

/** Multicast request: one session, or 0xFF for all. */
export const MULTICAST_CONFIG_REQUEST = request(0x52, 'multicast_config_request', 'multicast',
  [['u8', 'multicast_device', { special: { 255: 'all' } }]]);

/**
 * Time request. The vendor's decoder names it `time_config_packet`, like the FPort 50 packet
 * that sets the clock; the two are told apart by FPort (and, to encode, by the absence of
 * `device_unix_epoch`).
 */
export const TIME_CONFIG_REQUEST: NasPacket = request(0x09, 'time_config_packet', 'clock');
TIME_CONFIG_REQUEST.accepts = (d: Fields) => d['device_unix_epoch'] === undefined;

/** Every FPort 49 request; names (typos included) as the vendor's decoder has them. */
export const REQUESTS: NasPacket[] = [
  request(0x01, 'deprecated_ldr_input_config_request', 'LDR input (old firmware)'),
  request(0x03, 'deprecated_dig_input_config_request', 'digital input (old firmware)'),
  request(0x07, 'status_config_request', 'status interval'),
  TIME_CONFIG_REQUEST,
  request(0x0b, 'usage_config_request', 'usage interval'),
  request(0x0d, 'boot_delay_config_request', 'boot delay'),
  request(0x15, 'onboard_led_config_request', 'onboard LED'),
  request(0x16, 'metering_alert_confic_request', 'metering alert'),
  MULTICAST_CONFIG_REQUEST,
  request(0x20, 'calendar_config_request', 'calendar'),
  PROFILE_CONFIG_REQUEST,
  request(0x22, 'fade_config_request', 'fade'),
  request(0x23, 'holiday_config_request', 'holiday'),
  request(0x24, 'dali_monitor_config_request', 'DALI monitor'),
  request(0x25, 'fallback_dim_config_request', 'fallback dimming'),
  request(0x26, 'location_config_request', 'location'),
  request(0x27, 'lumalink_config_request', 'LumaLink'),
  request(0x28, 'dig_input_config_request', 'digital input'),
  request(0x29, 'light_input_config_request', 'light sensor'),
  request(0x2a, 'dim_notify_config_request', 'dimming notification'),
  request(0x2b, 'interface_type_config_request', 'interface type'),
];

/** FPort 51 system commands: firmware update mode and restart. */
export const SYSTEM_COMMANDS: NasPacket[] = [
  tablePacket({ name: 'activate_dfu_command', fPort: 51, header: 0xff, direction: 'downlink',
    packetDescription: 'Enter firmware update (DFU) mode', fields: [] }),
  tablePacket({ name: 'restart_controller_command', fPort: 51, header: 0xfe,
    direction: 'downlink', packetDescription: 'Restart the controller', fields: [] }),
];
