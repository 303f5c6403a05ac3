/**
 * UL20xx configuration requests (FPort 49: "send me your configuration X", answered on
 * FPort 50) and system commands (FPort 51), NAS UL2030 payload description.
 */
import { type Field, type TablePacket, tablePacket } from '../fields.js';
import type { NasPacket } from '../packet.js';
import type { Fields } from '../values.js';

/**
 * A request: FPort 49, the header of the configuration asked for, and its fields; its
 * description is metadata the script build empties.
 */
function request(header: number, name: string, doc: Pick<TablePacket, 'packetDescription'>,
  fields: Field[] = []): NasPacket {
  return tablePacket({ name, fPort: 49, header, direction: 'downlink', fields,
    packetDescription: doc.packetDescription });
}

/** Profile request: one profile id, or 0xFF for all. */
export const PROFILE_CONFIG_REQUEST = request(0x21, 'profile_config_request',
  { packetDescription: 'Ask for one dimming profile, or all' },
  [['u8', 'profile_id', { special: { 255: 'all_profiles' } }]]);

/** Multicast request: one session, or 0xFF for all. */
export const MULTICAST_CONFIG_REQUEST = request(0x52, 'multicast_config_request',
  { packetDescription: 'Ask for one multicast session, or all' },
  [['u8', 'multicast_device', { special: { 255: 'all' } }]]);

/**
 * Time request. The vendor's decoder names it `time_config_packet`, like the FPort 50 packet
 * that sets the clock; the two are told apart by FPort (and, to encode, by the absence of
 * `device_unix_epoch`).
 */
export const TIME_CONFIG_REQUEST: NasPacket = request(0x09, 'time_config_packet',
  { packetDescription: 'Ask for the clock configuration' });
TIME_CONFIG_REQUEST.accepts = (d: Fields) => d['device_unix_epoch'] === undefined;

/** Every FPort 49 request; names (typos included) as the vendor's decoder has them. */
export const REQUESTS: NasPacket[] = [
  request(0x01, 'deprecated_ldr_input_config_request', { packetDescription:
    'Ask for the LDR input (old firmware) configuration' }),
  request(0x03, 'deprecated_dig_input_config_request', { packetDescription:
    'Ask for the digital input (old firmware) configuration' }),
  request(0x07, 'status_config_request', { packetDescription:
    'Ask for the status interval configuration' }),
  TIME_CONFIG_REQUEST,
  request(0x0b, 'usage_config_request', { packetDescription:
    'Ask for the usage interval configuration' }),
  request(0x0d, 'boot_delay_config_request', { packetDescription:
    'Ask for the boot delay configuration' }),
  request(0x15, 'onboard_led_config_request', { packetDescription:
    'Ask for the onboard LED configuration' }),
  request(0x16, 'metering_alert_confic_request', { packetDescription:
    'Ask for the metering alert configuration' }),
  MULTICAST_CONFIG_REQUEST,
  request(0x20, 'calendar_config_request', { packetDescription:
    'Ask for the calendar configuration' }),
  PROFILE_CONFIG_REQUEST,
  request(0x22, 'fade_config_request', { packetDescription:
    'Ask for the fade configuration' }),
  request(0x23, 'holiday_config_request', { packetDescription:
    'Ask for the holiday configuration' }),
  request(0x24, 'dali_monitor_config_request', { packetDescription:
    'Ask for the DALI monitor configuration' }),
  request(0x25, 'fallback_dim_config_request', { packetDescription:
    'Ask for the fallback dimming configuration' }),
  request(0x26, 'location_config_request', { packetDescription:
    'Ask for the location configuration' }),
  request(0x27, 'lumalink_config_request', { packetDescription:
    'Ask for the LumaLink configuration' }),
  request(0x28, 'dig_input_config_request', { packetDescription:
    'Ask for the digital input configuration' }),
  request(0x29, 'light_input_config_request', { packetDescription:
    'Ask for the light sensor configuration' }),
  request(0x2a, 'dim_notify_config_request', { packetDescription:
    'Ask for the dimming notification configuration' }),
  request(0x2b, 'interface_type_config_request', { packetDescription:
    'Ask for the interface type configuration' }),
];

/** FPort 51 system commands: firmware update mode and restart. */
export const SYSTEM_COMMANDS: NasPacket[] = [
  tablePacket({ name: 'activate_dfu_command', fPort: 51, header: 0xff, direction: 'downlink',
    packetDescription: 'Enter firmware update (DFU) mode', fields: [] }),
  tablePacket({ name: 'restart_controller_command', fPort: 51, header: 0xfe,
    direction: 'downlink', packetDescription: 'Restart the controller', fields: [] }),
];
