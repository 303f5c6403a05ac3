/**
 * Commands every MClimate device shares (docs.mclimate.eu, each device's "Commands cheat
 * sheet": keep-alive period, versions, join retry period, uplink type, radio watchdog).
 */
import type { CommandSpec } from './commands.js';
import { bcdByte, int, none, struct, zeroFalse, type ValueCodec } from './values.js';

/** Builds a table row. */
export function cmd(code: number, name: string, value: ValueCodec, description: string) {
  const spec: CommandSpec = { code, name, value, description };
  return spec;
}

/** One unsigned byte. */
export const u8 = int(1);
/** Two bytes, unsigned, big-endian. */
export const u16 = int(2);

/** Answers common to all devices. */
export const generalResponses: CommandSpec[] = [
  cmd(0x04, 'deviceVersions', struct([['hardware', bcdByte], ['software', bcdByte]]),
    'Hardware and software versions'),
  cmd(0x12, 'keepAliveTime', u8, 'Keep-alive period, minutes'),
  cmd(0x19, 'joinRetryPeriod', int(1, { mul: 5, div: 60 }), 'Join retry period, minutes'),
  cmd(0x1b, 'uplinkType', u8, 'Uplink type (0 unconfirmed, 1 confirmed)'),
  cmd(0x1d, 'watchDogParams', struct([['wdpC', zeroFalse(1)], ['wdpUc', zeroFalse(1)]]),
    'Radio watchdog parameters'),
];

/** Downlinks common to all devices. */
export const generalDownlinks: CommandSpec[] = [
  cmd(0x02, 'setKeepAlive', u8, 'Set keep-alive period, minutes'),
  cmd(0x12, 'getKeepAliveTime', none, 'Read keep-alive period'),
  cmd(0x04, 'getDeviceVersions', none, 'Read hardware and software versions'),
  cmd(0x10, 'setJoinRetryPeriod', int(1, { mul: 5, div: 60 }), 'Set join retry period, min'),
  cmd(0x19, 'getJoinRetryPeriod', none, 'Read join retry period'),
  cmd(0x11, 'setUplinkType', u8, 'Set uplink type'),
  cmd(0x1b, 'getUplinkType', none, 'Read uplink type'),
  cmd(0x1c, 'setWatchDogParams',
    struct([['confirmedUplinks', u8], ['unconfirmedUplinks', u8]]), 'Set radio watchdog'),
  cmd(0x1d, 'getWatchDogParams', none, 'Read radio watchdog'),
];
