/**
 * MAC command vectors (mac.json kinds mac-command-uplink and mac-command-downlink, from
 * ChirpStack lrwn's maccommand.rs tests) checked both ways, plus parsing rules: raw tail for
 * unknown and proprietary CIDs, typed errors for truncated commands.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeMacCommands,
  encodeMacCommands,
  LoireError,
  MAC_COMMANDS,
} from '../../src/index.js';
import type { KnownMacCommand } from '../../src/index.js';
import { bytes, hex, vectorsOfKind } from './_helpers.js';

/** The vectors' snake_case names (lrwn's) mapped to loire's camelCase spec names. */
const FIELD_NAMES: Record<string, string> = {
  minor: 'minor',
  ch_mask_ack: 'chMaskAck',
  dr_ack: 'dataRateAck',
  tx_power_ack: 'powerAck',
  battery: 'battery',
  margin: 'margin',
  class: 'class',
  gw_cnt: 'gwCnt',
  dr: 'dataRate',
  tx_power: 'txPower',
  ch_mask: 'chMask',
  ch_mask_cntl: 'chMaskCntl',
  nb_rep: 'nbTrans',
  max_duty_cycle: 'maxDCycle',
  ch_index: 'chIndex',
  freq: 'frequencyHz',
  max_dr: 'maxDr',
  min_dr: 'minDr',
  ul_dwell: 'uplinkDwellTime',
  dl_dwell: 'downlinkDwellTime',
  max_eirp: 'maxEirp',
  limit_exp: 'limitExp',
  delay_exp: 'delayExp',
  seconds: 'seconds',
  frac_256: 'fractionalSecond',
  period: 'period',
  max_retries: 'maxRetries',
  rejoin_type: 'rejoinType',
  max_time_n: 'maxTimeN',
  max_count_n: 'maxCountN',
};

/** lrwn spells a few command names differently from the spec. */
const COMMAND_NAMES: Record<string, string> = { TxParamSetupReq: 'TXParamSetupReq' };

for (const kind of ['mac-command-uplink', 'mac-command-downlink']) {
  describe(`${kind} vectors`, () => {
    for (const v of vectorsOfKind(kind)) {
      it(v.id, () => {
        const given = v.inputs.fields as Record<string, unknown>;
        const fields: Record<string, unknown> = {};
        for (const [k, value] of Object.entries(given)) {
          if (k === 'note') continue;
          const name = FIELD_NAMES[k];
          if (!name) throw new Error(`unmapped field ${k}`);
          fields[name] = value;
        }
        const cmdName = v.inputs.command as string;
        const name = COMMAND_NAMES[cmdName] ?? cmdName;
        const uplink = v.inputs.direction === 'up';
        const wire = v.expected.bytes as string;

        const decoded = decodeMacCommands(bytes(wire), { uplink });
        expect(decoded).toHaveLength(1);
        const cmd = decoded[0] as KnownMacCommand;
        expect(cmd.name).toBe(name);
        // Fields the vector does not state must be zero/false (lrwn's defaults).
        for (const [k, value] of Object.entries(cmd.fields)) {
          const zero = typeof value === 'boolean' ? false : 0;
          expect(value, k).toEqual(k in fields ? fields[k] : zero);
        }
        const encoded = encodeMacCommands([{ cid: cmd.cid, name, fields: cmd.fields }]);
        expect(hex(encoded)).toBe(wire);
      });
    }
  });
}

describe('MAC command sequences', () => {
  it('parses several commands of FOpts in order (lora-packet issue #51 downlink FOpts)', () => {
    // FOpts 0340020071 033500ff01 from vector lpi51-down-fpending: two LinkADRReq.
    const cmds = decodeMacCommands(bytes('0340020071033500ff01'), { uplink: false });
    expect(cmds.map((c) => c.name)).toEqual(['LinkADRReq', 'LinkADRReq']);
    const first = cmds[0] as KnownMacCommand;
    expect(first.fields).toEqual({
      dataRate: 4,
      txPower: 0,
      chMask: 0x0002,
      chMaskCntl: 7,
      nbTrans: 1,
    });
  });

  it('keeps an unknown CID and everything after it as one raw entry', () => {
    // 0x0e is ForceRejoinReq, a downlink-only command, so unknown in an uplink.
    const cmds = decodeMacCommands(bytes('020e0102'), { uplink: true });
    expect(cmds[0]!.name).toBe('LinkCheckReq');
    expect(cmds[1]).toEqual({ cid: 0x0e, name: 'Unknown', raw: bytes('0e0102') });
    expect(decodeMacCommands(bytes('0e0102'), { uplink: false })[0]!.name).toBe('ForceRejoinReq');
    expect(decodeMacCommands(bytes('3000'), { uplink: false })[0]!.name).toBe('Unknown');
  });

  it('keeps proprietary commands (0x80..0xFF) as raw, never dropped', () => {
    const cmds = decodeMacCommands(bytes('0480ff00'), { uplink: true });
    expect(cmds).toEqual([
      { cid: 4, name: 'DutyCycleAns', fields: {} },
      { cid: 0x80, name: 'Proprietary', raw: bytes('80ff00') },
    ]);
    expect(hex(encodeMacCommands(cmds))).toBe('0480ff00');
  });

  it('rejects a truncated known command naming it and its offset', () => {
    let err: LoireError | undefined;
    try {
      decodeMacCommands(bytes('020a0f031204'), { uplink: false });
    } catch (e) {
      err = e as LoireError;
    }
    expect(err).toBeInstanceOf(LoireError);
    expect(err!.code).toBe('TRUNCATED');
    expect(err!.field).toBe('LinkADRReq');
    expect(err!.offset).toBe(3);
    expect(err!.message).toMatch(/LinkADRReq at offset 3/);
  });

  it('encoding refuses out-of-range fields, naming command and field', () => {
    expect(() =>
      encodeMacCommands([{ cid: 2, name: 'LinkCheckAns', fields: { margin: 256, gwCnt: 1 } }]),
    ).toThrow(/LinkCheckAns\.margin/);
    expect(() =>
      encodeMacCommands([{ cid: 6, name: 'DevStatusAns', fields: { battery: 1, margin: 32 } }]),
    ).toThrow(RangeError);
    expect(() => encodeMacCommands([{ cid: 2, name: 'LinkCheckAns', fields: {} }])).toThrow(
      /gwCnt|margin/,
    );
  });

  it('the registry covers the whole 1.0.4/1.1/TS011 command set', () => {
    const names = new Set(MAC_COMMANDS.map((s) => s.name));
    const expected = [
      'ResetInd', 'ResetConf', 'LinkCheckReq', 'LinkCheckAns', 'LinkADRReq', 'LinkADRAns',
      'DutyCycleReq', 'DutyCycleAns', 'RXParamSetupReq', 'RXParamSetupAns', 'DevStatusReq',
      'DevStatusAns', 'NewChannelReq', 'NewChannelAns', 'RXTimingSetupReq', 'RXTimingSetupAns',
      'TXParamSetupReq', 'TXParamSetupAns', 'DlChannelReq', 'DlChannelAns', 'RekeyInd',
      'RekeyConf', 'ADRParamSetupReq', 'ADRParamSetupAns', 'DeviceTimeReq', 'DeviceTimeAns',
      'ForceRejoinReq', 'RejoinParamSetupReq', 'RejoinParamSetupAns', 'PingSlotInfoReq',
      'PingSlotInfoAns', 'PingSlotChannelReq', 'PingSlotChannelAns', 'BeaconTimingReq',
      'BeaconTimingAns', 'BeaconFreqReq', 'BeaconFreqAns', 'DeviceModeInd', 'DeviceModeConf',
      'RelayConfReq', 'RelayConfAns', 'EndDeviceConfReq', 'EndDeviceConfAns', 'FilterListReq',
      'FilterListAns', 'UpdateUplinkListReq', 'UpdateUplinkListAns', 'CtrlUplinkListReq',
      'CtrlUplinkListAns', 'ConfigureFwdLimitReq', 'ConfigureFwdLimitAns',
      'NotifyNewEndDeviceReq',
    ];
    expect([...names].sort()).toEqual([...expected].sort());
  });

  it('RXParamSetupReq matches lrwn test_command (rx2 DR 11, offset 3, 26265700 Hz)', () => {
    // From ChirpStack lrwn maccommand.rs test_command; not in mac.json.
    const cmd = decodeMacCommands(bytes('053b010204'), { uplink: false })[0] as KnownMacCommand;
    expect(cmd.fields).toEqual({ rx1DrOffset: 3, rx2DataRate: 11, frequencyHz: 26265700 });
  });

  // Relay commands (TS011): bytes computed by hand (Python) from the bit layouts that both
  // ChirpStack lrwn and Semtech's LoRa Basics Modem relay parser use; no mac.json vectors exist.
  const relayCases: Array<[string, boolean, Record<string, unknown>]> = [
    [
      '40ab2af87d84',
      false,
      {
        startStop: 1,
        cadPeriodicity: 2,
        defaultChIndex: 1,
        secondChIndex: 1,
        secondChDataRate: 5,
        secondChAckOffset: 3,
        secondChFrequencyHz: 868300000,
      },
    ],
    [
      '42a801dc0000d07ed5b370',
      false,
      { filterListIdx: 3, filterListAction: 1, filterListEui: '70b3d57ed00000dc' },
    ],
    ['46432e0126af0a', true, { devAddr: 0x26012e43, worSnr: -5, worRssi: -100 }],
    [
      '4501c1803039',
      false,
      {
        resetLimitCounter: 3,
        joinReqReloadRate: 4,
        notifyReloadRate: 3,
        globalUplinkReloadRate: 2,
        overallReloadRate: 1,
        joinReqLimitSize: 0,
        notifyLimitSize: 3,
        globalUplinkLimitSize: 2,
        overallLimitSize: 1,
      },
    ],
  ];
  for (const [wire, uplink, fields] of relayCases) {
    it(`relay command ${wire.slice(0, 2)} both ways`, () => {
      const [cmd] = decodeMacCommands(bytes(wire), { uplink }) as KnownMacCommand[];
      expect(cmd!.fields).toEqual(fields);
      expect(hex(encodeMacCommands([cmd!]))).toBe(wire);
    });
  }

  it('decodes a FilterListReq with an over-long FilterListEUI (a relay NACKs it)', () => {
    // Len 20 (> 16): framing is still clear, so it decodes and the next command follows.
    const wire = `4214${'00'}${'11'.repeat(20)}020a0f`;
    const cmds = decodeMacCommands(bytes(wire), { uplink: false });
    expect(cmds.map((c) => c.name)).toEqual(['FilterListReq', 'LinkCheckAns']);
    expect((cmds[0] as KnownMacCommand).fields.filterListEui).toBe('11'.repeat(20));
  });
});
