/**
 * The MAC command table: every command of TS001-1.0.4 and TS001-1.1 (§5 in both), the Class B
 * commands (TS001-1.0.4 §12-§13, TS001-1.1 §14), DeviceModeInd/Conf (TS001-1.1 §5.14) and the
 * relay commands 0x40..0x46 of TS011-1.0.0 (§6), one row per command and direction. Each row
 * gives the CID, the spec name, the payload length and the fields (names from the spec in
 * camelCase, frequencies in Hz). Bit positions follow the spec figures; the relay layouts were
 * checked against ChirpStack's (lrwn) and Semtech's (LoRa Basics Modem relay) parsers.
 */
import type { FieldSpec } from './fields.js';

/** Direction of a MAC command: sent by the end-device (`up`) or by the network (`down`). */
export type MacDirection = 'up' | 'down';

/** One row of the registry. */
export interface MacCommandSpec {
  cid: number;
  name: string;
  direction: MacDirection;
  /** Payload length after the CID; for FilterListReq the fixed part only (see `variable`). */
  length: number;
  fields: FieldSpec[];
  /** Where the command was introduced. */
  since: '1.0' | '1.0.3' | '1.1' | 'TS011';
  /** BeaconTimingReq/Ans were removed in 1.1 in favour of DeviceTimeReq. */
  deprecated?: boolean;
  /** FilterListReq: FilterListEUI follows, its length in bits 4..0 of the first byte. */
  variable?: true;
}

const u = (name: string, at: number, shift: number, width: number): FieldSpec => ({
  name,
  at,
  shift,
  width,
  kind: 'uint',
});
const bit = (name: string, at: number, shift: number): FieldSpec => ({
  name,
  at,
  shift,
  width: 1,
  kind: 'bool',
});
const freq = (name: string, at: number): FieldSpec => ({
  name,
  at,
  shift: 0,
  width: 24,
  kind: 'freq',
});

const row = (
  cid: number,
  name: string,
  direction: MacDirection,
  length: number,
  fields: FieldSpec[],
  since: MacCommandSpec['since'] = '1.0',
): MacCommandSpec => ({ cid, name, direction, length, fields, since });

/**
 * Every known MAC command, uplink and downlink. Built by a function marked pure so that
 * bundlers drop the table from bundles that never parse MAC commands.
 */
export const MAC_COMMANDS: readonly MacCommandSpec[] = /* @__PURE__ */ commandTable();

function commandTable(): MacCommandSpec[] {
  return [
    // TS001-1.1 §5.1: the end-device's LoRaWAN minor version (1 = 1.1).
    row(0x01, 'ResetInd', 'up', 1, [u('minor', 0, 0, 4)], '1.1'),
    row(0x01, 'ResetConf', 'down', 1, [u('minor', 0, 0, 4)], '1.1'),
    // §5.2 (1.0.4 §5.1): margin in dB above demodulation floor, 0..254.
    row(0x02, 'LinkCheckReq', 'up', 0, []),
    row(0x02, 'LinkCheckAns', 'down', 2, [u('margin', 0, 0, 8), u('gwCnt', 1, 0, 8)]),
    // §5.3 (1.0.4 §5.2): DataRate_TXPower | ChMask(2) |
    // Redundancy(ChMaskCntl 6..4, NbTrans 3..0).
    row(0x03, 'LinkADRReq', 'down', 4, [
      u('dataRate', 0, 4, 4),
      u('txPower', 0, 0, 4),
      u('chMask', 1, 0, 16),
      u('chMaskCntl', 3, 4, 3),
      u('nbTrans', 3, 0, 4),
    ]),
    row(0x03, 'LinkADRAns', 'up', 1, [
      bit('powerAck', 0, 2),
      bit('dataRateAck', 0, 1),
      bit('chMaskAck', 0, 0),
    ]),
    // §5.4 (1.0.4 §5.3): aggregated duty cycle 1/2^MaxDCycle.
    row(0x04, 'DutyCycleReq', 'down', 1, [u('maxDCycle', 0, 0, 4)]),
    row(0x04, 'DutyCycleAns', 'up', 0, []),
    // §5.5 (1.0.4 §5.4): DLsettings | Frequency(3).
    row(0x05, 'RXParamSetupReq', 'down', 4, [
      u('rx1DrOffset', 0, 4, 3),
      u('rx2DataRate', 0, 0, 4),
      freq('frequencyHz', 1),
    ]),
    row(0x05, 'RXParamSetupAns', 'up', 1, [
      bit('rx1DrOffsetAck', 0, 2),
      bit('rx2DataRateAck', 0, 1),
      bit('channelAck', 0, 0),
    ]),
    // §5.6 (1.0.4 §5.5): Battery (0 external, 1..254, 255 unknown) | Margin, 6-bit signed dB.
    row(0x06, 'DevStatusReq', 'down', 0, []),
    row(0x06, 'DevStatusAns', 'up', 2, [
      u('battery', 0, 0, 8),
      { name: 'margin', at: 1, shift: 0, width: 6, kind: 'int' },
    ]),
    // §5.7 (1.0.4 §5.6): ChIndex | Freq(3) | DrRange(MaxDR 7..4, MinDR 3..0).
    row(0x07, 'NewChannelReq', 'down', 5, [
      u('chIndex', 0, 0, 8),
      freq('frequencyHz', 1),
      u('maxDr', 4, 4, 4),
      u('minDr', 4, 0, 4),
    ]),
    row(0x07, 'NewChannelAns', 'up', 1, [
      bit('dataRateRangeOk', 0, 1),
      bit('channelFrequencyOk', 0, 0),
    ]),
    // §5.8 (1.0.4 §5.7): Del in seconds, 0 meaning 1.
    row(0x08, 'RXTimingSetupReq', 'down', 1, [u('delay', 0, 0, 4)]),
    row(0x08, 'RXTimingSetupAns', 'up', 0, []),
    // §5.9 (1.0.4 §5.8): DownlinkDwellTime bit 5, UplinkDwellTime bit 4, MaxEIRP index 3..0.
    row(0x09, 'TXParamSetupReq', 'down', 1, [
      bit('downlinkDwellTime', 0, 5),
      bit('uplinkDwellTime', 0, 4),
      u('maxEirp', 0, 0, 4),
    ]),
    row(0x09, 'TXParamSetupAns', 'up', 0, []),
    // §5.10 (1.0.4 §5.9): ChIndex | Freq(3).
    row(0x0a, 'DlChannelReq', 'down', 4, [u('chIndex', 0, 0, 8), freq('frequencyHz', 1)]),
    row(0x0a, 'DlChannelAns', 'up', 1, [
      bit('uplinkFrequencyExists', 0, 1),
      bit('channelFrequencyOk', 0, 0),
    ]),
    // TS001-1.1 §5.11.
    row(0x0b, 'RekeyInd', 'up', 1, [u('minor', 0, 0, 4)], '1.1'),
    row(0x0b, 'RekeyConf', 'down', 1, [u('minor', 0, 0, 4)], '1.1'),
    // TS001-1.1 §5.12: ADRparam = Limit_exp 7..4 | Delay_exp 3..0.
    row(
      0x0c,
      'ADRParamSetupReq',
      'down',
      1,
      [u('limitExp', 0, 4, 4), u('delayExp', 0, 0, 4)],
      '1.1',
    ),
    row(0x0c, 'ADRParamSetupAns', 'up', 0, [], '1.1'),
    // §5.13 (1.0.3+): GPS seconds (4) | fractional second in 1/256 s (1).
    row(0x0d, 'DeviceTimeReq', 'up', 0, [], '1.0.3'),
    row(
      0x0d,
      'DeviceTimeAns',
      'down',
      5,
      [u('seconds', 0, 0, 32), u('fractionalSecond', 4, 0, 8)],
      '1.0.3',
    ),
    // TS001-1.1 §5.14: Period 13..11 | Max_Retries 10..8 | RejoinType 6..4 | DR 3..0.
    row(
      0x0e,
      'ForceRejoinReq',
      'down',
      2,
      [
        u('period', 0, 11, 3),
        u('maxRetries', 0, 8, 3),
        u('rejoinType', 0, 4, 3),
        u('dataRate', 0, 0, 4),
      ],
      '1.1',
    ),
    // TS001-1.1 §5.15: MaxTimeN 7..4 | MaxCountN 3..0.
    row(
      0x0f,
      'RejoinParamSetupReq',
      'down',
      1,
      [u('maxTimeN', 0, 4, 4), u('maxCountN', 0, 0, 4)],
      '1.1',
    ),
    row(0x0f, 'RejoinParamSetupAns', 'up', 1, [bit('timeOk', 0, 0)], '1.1'),
    // Class B, TS001-1.0.4 §12-§13 / TS001-1.1 §14.
    row(0x10, 'PingSlotInfoReq', 'up', 1, [u('periodicity', 0, 0, 3)]),
    row(0x10, 'PingSlotInfoAns', 'down', 0, []),
    row(0x11, 'PingSlotChannelReq', 'down', 4, [freq('frequencyHz', 0), u('dataRate', 3, 0, 4)]),
    row(0x11, 'PingSlotChannelAns', 'up', 1, [
      bit('dataRateOk', 0, 1),
      bit('channelFrequencyOk', 0, 0),
    ]),
    {
      ...row(0x12, 'BeaconTimingReq', 'up', 0, []),
      deprecated: true,
    },
    {
      // Delay(2) in 30 ms units to the next beacon, Channel(1) its index.
      ...row(0x12, 'BeaconTimingAns', 'down', 3, [u('delay', 0, 0, 16), u('channel', 2, 0, 8)]),
      deprecated: true,
    },
    row(0x13, 'BeaconFreqReq', 'down', 3, [freq('frequencyHz', 0)]),
    row(0x13, 'BeaconFreqAns', 'up', 1, [bit('beaconFrequencyOk', 0, 0)]),
    // TS001-1.1 §5.16: Class 0 = A, 2 = C.
    row(0x20, 'DeviceModeInd', 'up', 1, [u('class', 0, 0, 8)], '1.1'),
    row(0x20, 'DeviceModeConf', 'down', 1, [u('class', 0, 0, 8)], '1.1'),
    // TS011-1.0.0 relay: ChannelSettingsRelay(2) | SecondChFreq(3).
    row(
      0x40,
      'RelayConfReq',
      'down',
      5,
      [
        u('startStop', 0, 13, 1),
        u('cadPeriodicity', 0, 10, 3),
        u('defaultChIndex', 0, 9, 1),
        u('secondChIndex', 0, 7, 2),
        u('secondChDataRate', 0, 3, 4),
        u('secondChAckOffset', 0, 0, 3),
        freq('secondChFrequencyHz', 2),
      ],
      'TS011',
    ),
    row(
      0x40,
      'RelayConfAns',
      'up',
      1,
      [
        bit('cadPeriodicityAck', 0, 5),
        bit('defaultChIndexAck', 0, 4),
        bit('secondChIndexAck', 0, 3),
        bit('secondChDataRateAck', 0, 2),
        bit('secondChAckOffsetAck', 0, 1),
        bit('secondChFrequencyAck', 0, 0),
      ],
      'TS011',
    ),
    // ActivationRelayMode(1) | ChannelSettingsED(2) | SecondChFreq(3).
    row(
      0x41,
      'EndDeviceConfReq',
      'down',
      6,
      [
        u('relayModeActivation', 0, 2, 2),
        u('smartEnableLevel', 0, 0, 2),
        u('backoff', 1, 9, 6),
        u('secondChIndex', 1, 7, 2),
        u('secondChDataRate', 1, 3, 4),
        u('secondChAckOffset', 1, 0, 3),
        freq('secondChFrequencyHz', 3),
      ],
      'TS011',
    ),
    row(
      0x41,
      'EndDeviceConfAns',
      'up',
      1,
      [
        bit('backoffAck', 0, 3),
        bit('secondChIndexAck', 0, 2),
        bit('secondChDataRateAck', 0, 1),
        bit('secondChFrequencyAck', 0, 0),
      ],
      'TS011',
    ),
    // FilterList_Idx 10..7 | Action 6..5 | Len 4..0, then FilterListEUI (Len bytes, ≤ 16),
    // exposed as `filterListEui`: big-endian hex, JoinEUI first.
    {
      ...row(
        0x42,
        'FilterListReq',
        'down',
        2,
        [u('filterListIdx', 0, 7, 4), u('filterListAction', 0, 5, 2)],
        'TS011',
      ),
      variable: true,
    },
    row(
      0x42,
      'FilterListAns',
      'up',
      1,
      [
        bit('combinedRulesAck', 0, 2),
        bit('filterListLenAck', 0, 1),
        bit('filterListActionAck', 0, 0),
      ],
      'TS011',
    ),
    // UplinkListIdx(1) | UplinkLimit(1) | DevAddr(4) | WFCnt(4) | RootWorSKey(16).
    row(
      0x43,
      'UpdateUplinkListReq',
      'down',
      26,
      [
        u('uplinkListIdx', 0, 0, 4),
        u('bucketSize', 1, 6, 2),
        u('reloadRate', 1, 0, 6),
        u('devAddr', 2, 0, 32),
        u('wFCnt', 6, 0, 32),
        { name: 'rootWorSKey', at: 10, shift: 0, width: 128, kind: 'bytes' },
      ],
      'TS011',
    ),
    row(0x43, 'UpdateUplinkListAns', 'up', 0, [], 'TS011'),
    row(
      0x44,
      'CtrlUplinkListReq',
      'down',
      1,
      [u('ctrlUplinkAction', 0, 4, 1), u('uplinkListIdx', 0, 0, 4)],
      'TS011',
    ),
    row(
      0x44,
      'CtrlUplinkListAns',
      'up',
      5,
      [bit('uplinkListIdxAck', 0, 0), u('wFCnt', 1, 0, 32)],
      'TS011',
    ),
    // FwdLimitReloadRate(4) | FwdLimitLoadCapacity(1).
    row(
      0x45,
      'ConfigureFwdLimitReq',
      'down',
      5,
      [
        u('resetLimitCounter', 0, 28, 2),
        u('joinReqReloadRate', 0, 21, 7),
        u('notifyReloadRate', 0, 14, 7),
        u('globalUplinkReloadRate', 0, 7, 7),
        u('overallReloadRate', 0, 0, 7),
        u('joinReqLimitSize', 4, 6, 2),
        u('notifyLimitSize', 4, 4, 2),
        u('globalUplinkLimitSize', 4, 2, 2),
        u('overallLimitSize', 4, 0, 2),
      ],
      'TS011',
    ),
    row(0x45, 'ConfigureFwdLimitAns', 'up', 0, [], 'TS011'),
    // DevAddr(4) | PowerLevel(2): WOR SNR 4..0 as dB + 20, WOR RSSI 11..5 as -(dBm + 15).
    row(
      0x46,
      'NotifyNewEndDeviceReq',
      'up',
      6,
      [
        u('devAddr', 0, 0, 32),
        { name: 'worSnr', at: 4, shift: 0, width: 5, kind: 'linear', scale: 1, bias: -20 },
        { name: 'worRssi', at: 4, shift: 5, width: 7, kind: 'linear', scale: -1, bias: -15 },
      ],
      'TS011',
    ),
  ];
}

interface Index {
  up: Map<number, MacCommandSpec>;
  down: Map<number, MacCommandSpec>;
  byName: Map<string, MacCommandSpec>;
}

let index: Index | undefined;

/**
 * The look-up maps, built on first use rather than at module load: a top-level loop is a side
 * effect that stops bundlers from dropping this table from bundles that never parse MAC commands.
 */
function getIndex(): Index {
  if (index) return index;
  const built: Index = { up: new Map(), down: new Map(), byName: new Map() };
  for (const spec of MAC_COMMANDS) {
    (spec.direction === 'up' ? built.up : built.down).set(spec.cid, spec);
    // Case-insensitive: the specs and peers spell TXParamSetupReq / TxParamSetupReq (and RX...)
    // both ways, and no two commands differ only by case.
    built.byName.set(spec.name.toLowerCase(), spec);
  }
  index = built;
  return built;
}

/**
 * The registry row for a CID in a direction.
 *
 * @param cid - command identifier
 * @param direction - 'up' (sent by the device) or 'down'
 * @returns the row, or undefined for an unknown or proprietary CID
 * @example macCommandByCid(0x02, 'down')?.name // 'LinkCheckAns'
 */
export function macCommandByCid(cid: number, direction: MacDirection): MacCommandSpec | undefined {
  const { up, down } = getIndex();
  return (direction === 'up' ? up : down).get(cid);
}

/**
 * The registry row for a command name, in any letter case (`TxParamSetupReq` as TS001-1.1
 * spells it finds loire's `TXParamSetupReq`).
 *
 * @param name - the spec name, such as 'LinkADRReq'
 * @returns the row, or undefined
 * @example macCommandByName('DevStatusAns')?.length // 2
 */
export function macCommandByName(name: string): MacCommandSpec | undefined {
  return typeof name === 'string' ? getIndex().byName.get(name.toLowerCase()) : undefined;
}
