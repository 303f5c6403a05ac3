/**
 * Downlink commands of the Milesight AM300 indoor-air family (AM307, AM319 and variants), from
 * the vendor's encoder (TheThingsNetwork/lorawan-devices vendor/milesight-iot/am307-encoder.js,
 * "AM307(v2)", 2025, which notes which settings AM319 accepts). That encoder sends
 * `fetch_history` with an end time as the 6-byte start-only form (its test is inverted); loire
 * sends `fd 6c` with both times, as the EM300-DI encoder of the same vendor does.
 */
import {
  CLEAR_HISTORY,
  ENABLE,
  FETCH_HISTORY,
  HISTORY_ENABLE,
  REBOOT,
  REPORT_INTERVAL,
  RESEND_INTERVAL,
  RETRANSMIT_ENABLE,
  RETRANSMIT_INTERVAL,
  STOP_TRANSMIT,
  TIME_ZONE_CMD,
  action,
  setting,
} from './common.js';
import type { BitPart } from './field.js';
import type { Item } from './item.js';

const ELEMENTS = ['temperature', 'humidity', 'co2', 'light', 'tvoc', 'smile', 'letter'];
const ELEMENT_BITS: BitPart[] = [];
for (let i = 0; i < ELEMENTS.length; i++) {
  ELEMENT_BITS.push({ key: ELEMENTS[i]!, shift: i, width: 1, map: ENABLE });
}

/** AM300-family commands. */
export const AM300_COMMANDS: Item[] = ([] as Item[]).concat([
  REBOOT,
  action([0xff, 0x3d, 0x00], 'stop_buzzer'),
  action([0xff, 0x2c, 0x00], 'query_status'),
  REPORT_INTERVAL,
  setting(0x3b, 'time_sync_enable', { kind: 'u8', map: { 0: 'disable', 2: 'enable' } }),
  TIME_ZONE_CMD,
  setting(0xeb, 'tvoc_unit', { kind: 'u8', map: { 0: 'iaq', 1: 'µg/m³' } }),
  {
    prefix: [0xff, 0x39],
    messageType: 'set_co2_abc_calibration_enable',
    fields: [
      { key: 'co2_abc_calibration_enable', kind: 'u8', map: ENABLE },
      { kind: 'skip', size: 4 },
    ],
  },
  setting(0xf4, 'co2_calibration_enable', { kind: 'u8', map: ENABLE }),
  {
    // Manual calibration carries the reference value; the other modes do not.
    prefix: [0xff, 0x1a, 0x02],
    messageType: 'set_co2_calibration_settings',
    into: 'co2_calibration_settings',
    fields: [
      { key: 'mode', kind: 'fixed', size: 0, value: 'manual' },
      { key: 'calibration_value', kind: 'u16' },
    ],
  },
  {
    prefix: [0xff, 0x1a],
    messageType: 'set_co2_calibration_settings',
    into: 'co2_calibration_settings',
    fields: [
      { key: 'mode', kind: 'u8', map: { 0: 'factory', 1: 'abc', 3: 'background', 4: 'zero' } },
    ],
  },
  setting(0x3e, 'buzzer_enable', { kind: 'u8', map: ENABLE }),
  setting(0x2e, 'led_indicator_mode', { kind: 'u8', map: { 0: 'off', 1: 'on', 2: 'blink' } }),
  setting(0x2d, 'screen_display_enable', { kind: 'u8', map: ENABLE }),
  setting(0x66, 'screen_display_alarm_enable', { kind: 'u8', map: ENABLE }),
  setting(0x3c, 'screen_display_pattern', { kind: 'u8', map: { 1: '1', 2: '2', 3: '3' } }),
  {
    prefix: [0xff, 0xf0],
    messageType: 'set_screen_display_element_settings',
    into: 'screen_display_element_settings',
    fields: [{ kind: 'maskedBits', size: 4, parts: ELEMENT_BITS }],
  },
  {
    prefix: [0xff, 0x25],
    messageType: 'set_child_lock_settings',
    into: 'child_lock_settings',
    fields: [
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'off_button', shift: 0, width: 1, map: ENABLE },
          { key: 'on_button', shift: 1, width: 1, map: ENABLE },
          { key: 'collection_button', shift: 2, width: 1, map: ENABLE },
        ],
      },
    ],
  },
  {
    prefix: [0xff, 0x25],
    messageType: 'set_child_lock_settings',
    into: 'child_lock_settings',
    fields: [
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'off_button', shift: 0, width: 1, map: ENABLE },
          { key: 'on_button', shift: 1, width: 1, map: ENABLE },
          { key: 'collection_button', shift: 2, width: 1, map: ENABLE },
        ],
      },
    ],
  },
  RETRANSMIT_ENABLE,
  RETRANSMIT_INTERVAL,
  RESEND_INTERVAL,
  HISTORY_ENABLE,
], FETCH_HISTORY, [STOP_TRANSMIT, CLEAR_HISTORY]);

/** Descriptions of the AM300-family message types. */
export const AM300_MESSAGE_TYPES: Record<string, string> = {
  device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
  reboot: 'Reboot the device',
  stop_buzzer: 'Silence the buzzer',
  query_status: 'Ask for buzzer and LED status',
  set_report_interval: 'Report interval in seconds',
  set_time_sync_enable: 'Enable clock synchronisation from the network',
  set_time_zone: 'Time zone of the device clock',
  set_tvoc_unit: 'TVOC shown as IAQ index or µg/m³',
  set_co2_abc_calibration_enable: 'CO2 automatic background calibration',
  set_co2_calibration_enable: 'Allow CO2 calibration',
  set_co2_calibration_settings: 'Calibrate CO2: factory, abc, manual (ppm), background, zero',
  set_buzzer_enable: 'Enable the buzzer',
  set_led_indicator_mode: 'LED indicator off, on or blinking',
  set_screen_display_enable: 'Screen on or off',
  set_screen_display_alarm_enable: 'Show alarms on the screen',
  set_screen_display_pattern: 'Screen layout 1, 2 or 3',
  set_screen_display_element_settings: 'Which values the screen shows',
  set_child_lock_settings: 'Lock the off, on and collection buttons (all three are sent)',
  set_retransmit_enable: 'Resend stored readings when the network is back',
  set_retransmit_interval: 'Seconds between retransmissions',
  set_resend_interval: 'Seconds between resends of history data',
  set_history_enable: 'Store readings while the network is unreachable',
  fetch_history: 'Ask for stored readings from start_time (to end_time), UTC seconds',
  stop_transmit: 'Stop sending history data',
  clear_history: 'Erase stored readings',
};
