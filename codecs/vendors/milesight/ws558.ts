/**
 * Milesight WS558: 8-channel smart light controller (switches, voltage, power, energy). Table
 * from the vendor's decoder and encoder (Milesight-IoT/SensorDecoders WS_Series/WS558, 2025).
 */
import type { HarmonisedLighting } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { ENABLE, REBOOT, REPORT_INTERVAL, action, setting } from './format/common.js';
import { defineMilesight } from './format/define.js';
import type { BitPart } from './format/field.js';
import { type Item, one } from './format/item.js';
import { numberAt, withDefined } from './format/normalize.js';

const ON_OFF: Record<number, string> = { 0: 'off', 1: 'on' };

const SWITCHES: BitPart[] = [];
for (let i = 0; i < 8; i++) {
  SWITCHES.push({ key: `switch_${i + 1}`, shift: i, width: 1, map: ON_OFF });
}

const UPLINK: Item[] = [
  one([0x03, 0x74], 'status', { key: 'voltage', kind: 'u16', scale: 10 }),
  { prefix: [0x04, 0x80], messageType: 'status', fields: [{ key: 'active_power', kind: 'u32' }] },
  { prefix: [0x05, 0x81], messageType: 'status', fields: [{ key: 'power_factor', kind: 'u8' }] },
  // Energy in W·h, a 32-bit counter.
  one([0x06, 0x83], 'status', { key: 'power_consumption', kind: 'u32' }),
  { prefix: [0x07, 0xc9], messageType: 'status', fields: [{ key: 'total_current', kind: 'u16' }] },
  {
    // The first byte is not used by the vendor's decoder; the second holds all 8 states.
    prefix: [0x08, 0x31],
    messageType: 'status',
    fields: [
      { kind: 'skip', size: 1 },
      { kind: 'packed', size: 1, parts: SWITCHES },
    ],
  },
];

const DOWNLINK: Item[] = [
  REBOOT,
  action([0xff, 0x28, 0xff], 'report_status'),
  REPORT_INTERVAL,
  {
    prefix: [0x08],
    messageType: 'control_switch',
    fields: [{ kind: 'maskedBits', parts: SWITCHES }],
  },
  {
    prefix: [0xff, 0x32],
    messageType: 'control_switch_with_delay',
    fields: [
      // 0 forces the change now; above 0 names a delayed task.
      { key: 'task_id', kind: 'u8' },
      { key: 'delay_time', kind: 'u16' },
      { kind: 'maskedBits', parts: SWITCHES },
    ],
  },
  {
    prefix: [0xff, 0x23],
    messageType: 'cancel_delay_task',
    fields: [
      { key: 'cancel_delay_task', kind: 'u8' },
      { kind: 'skip', size: 1, raw: 0xff },
    ],
  },
  setting(0x26, 'power_consumption_enable', { kind: 'u8', map: ENABLE }),
  action([0xff, 0x27, 0xff], 'clear_power_consumption'),
];

/** The WS558 table. */
export const WS558 = {
  model: 'ws558',
  category: 'lighting' as const,
  description: 'Milesight WS558 smart light controller, 8 switched outputs with metering',
  uplink: UPLINK,
  downlink: DOWNLINK,
  messageTypes: {
    device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
    status: 'Voltage (V), active power (W), power factor (%), energy (Wh), current (mA), switches',
    reboot: 'Reboot the device',
    report_status: 'Ask the device to report its status now',
    set_report_interval: 'Report interval in seconds',
    control_switch: 'Turn some of the 8 outputs on or off',
    control_switch_with_delay: 'Turn outputs on or off after delay_time seconds, as task task_id',
    cancel_delay_task: 'Cancel the delayed task with this id',
    set_power_consumption_enable: 'Enable energy metering',
    clear_power_consumption: 'Reset the energy counter',
  },
  normalize(data: Record<string, unknown>): HarmonisedLighting {
    let anyKnown = false;
    let on = false;
    for (let i = 1; i <= 8; i++) {
      const s = data[`switch_${i}`];
      if (s === 'on' || s === 'off') anyKnown = true;
      if (s === 'on') on = true;
    }
    const wh = numberAt(data, 'power_consumption');
    return withDefined<HarmonisedLighting>(
      { category: 'lighting' },
      {
        on: anyKnown ? on : undefined,
        powerW: numberAt(data, 'active_power'),
        energyKWh: wh === undefined ? undefined : wh / 1000,
      },
    );
  },
  examples: [
    {
      description: 'Smart Light Controller (example 1) - Milesight IoT',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '0374b208',
      data: { voltage: 222.6 },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/ws558-codec.yaml ' +
        '(commit 4578f3a639773ae2116621ad623b6aaf0588df3d)',
    },
    {
      description: 'Example 1',
      operation: 'decodeUplink' as const,
      fPort: 100,
      bytesHex: '0374b20804800100000005816406830100000007c9020008310001',
      data: {
        voltage: 222.6,
        active_power: 1,
        power_factor: 100,
        power_consumption: 1,
        switch_1: 'on',
        switch_2: 'off',
        switch_3: 'off',
        switch_4: 'off',
        switch_5: 'off',
        switch_6: 'off',
        switch_7: 'off',
        switch_8: 'off',
        total_current: 2,
      },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/ws558/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'Downlink encode: report_interval',
      operation: 'encodeDownlink' as const,
      fPort: 85,
      bytesHex: 'ff035802',
      data: { report_interval: 600 },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/ws558/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
  ],
};

/** Codec of the Milesight WS558. */
export const ws558: CodecDefinition = defineMilesight(WS558);
