/**
 * Frames shared by Adeunis products (Adeunis technical reference manuals): 0x20 network
 * configuration, 0x33 answer to a register write.
 */
import { fail } from '../../../framework/codec-error.js';
import { readIntBE, readUintBE, writeIntBE, writeUintBE } from '../../../framework/bytes.js';
import type { AdeunisFrame } from './frame.js';
import { needLength } from './fields.js';

/**
 * 0x20 network configuration. LoRaWAN products send 4 bytes (ADR, duty cycle and class bits,
 * then provisioning mode); Sigfox ones 3 or 5 (retries, downlink period). `withClass` is false
 * for the older products whose codec shows neither duty cycle nor class.
 */
export function networkConfigFrame(withClass: boolean): AdeunisFrame {
  const what = '0x20 configuration';
  return {
    code: 0x20, type: '0x20 Configuration', direction: 'uplink',
    description: 'Network configuration (answer to downlink 0x02, or at start-up)',
    decode(bytes) {
      needLength(bytes, [3, 4, 5], what);
      const out: Record<string, unknown> = {};
      if (bytes.length === 4) {
        out['loraAdr'] = (bytes[2]! & 0x01) !== 0;
        out['loraProvisioningMode'] = bytes[3] === 0 ? 'ABP' : 'OTAA';
        if (withClass) {
          out['loraDutycyle'] = (bytes[2]! & 0x04) !== 0 ? 'activated' : 'deactivated';
          out['loraClassMode'] = (bytes[2]! & 0x20) !== 0 ? 'CLASS C' : 'CLASS A';
        }
      } else {
        out['sigfoxRetry'] = bytes[2]! & 0x03;
        if (bytes.length === 5) {
          out['sigfoxDownlinkPeriod'] = { unit: 'm', value: readIntBE(bytes, 3, 2, what) };
        }
      }
      return out;
    },
    encode(data) {
      if (typeof data['loraAdr'] === 'boolean') {
        const bits = (data['loraAdr'] ? 0x01 : 0) |
          (data['loraDutycyle'] === 'activated' ? 0x04 : 0) |
          (data['loraClassMode'] === 'CLASS C' ? 0x20 : 0);
        const mode = data['loraProvisioningMode'];
        if (mode !== 'ABP' && mode !== 'OTAA') {
          fail(`${what}: loraProvisioningMode is ABP or OTAA`);
        }
        return [bits, mode === 'ABP' ? 0 : 1];
      }
      const out: number[] = [];
      writeUintBE(out, data['sigfoxRetry'] as number, 1, `${what} sigfoxRetry`);
      if (out[0]! > 3) fail(`${what}: sigfoxRetry is 0 to 3`);
      const period = data['sigfoxDownlinkPeriod'] as { value?: unknown } | undefined;
      if (period !== undefined) writeIntBE(out, period.value as number, 2, `${what} period`);
      return out;
    },
  };
}

const REQUEST_STATUS = ['errorOtherReason', 'success', 'successNoUpdate', 'errorCoherency',
  'errorInvalidRegister', 'errorInvalidValue', 'errorTruncatedValue', 'errorAccesNotAllowed'];

/** 0x33: status of a register write (downlink 0x41) and the register concerned. */
export const SET_REGISTER_STATUS: AdeunisFrame = {
  code: 0x33, type: '0x33 Set register status', direction: 'uplink',
  description: 'Answer to a register write',
  decode(bytes) {
    needLength(bytes, [5], '0x33 set register status');
    const s = bytes[2]!;
    return {
      requestStatus: REQUEST_STATUS[s] === undefined || s === 0 ? 'errorOtherReason'
        : REQUEST_STATUS[s],
      registerId: readUintBE(bytes, 3, 2, '0x33 registerId'),
    };
  },
  encode(data) {
    const s = REQUEST_STATUS.indexOf(String(data['requestStatus']));
    if (s < 0) {
      fail(`0x33 set register status: unknown requestStatus ${String(data['requestStatus'])}`);
    }
    const out = [s];
    writeUintBE(out, data['registerId'] as number, 2, '0x33 registerId');
    return out;
  },
};
