/**
 * The real frames `loire demo` decodes. Each is a published test frame of another LoRaWAN
 * implementation, taken from the shared vectors (`mac.json`, id given) with its keys; they are
 * shipped here because the demo must run from the installed package, without the vectors.
 * The keys are public test keys from those suites, not secrets of any network.
 */
import type { FrameOptions } from '../src/frame/index.js';

/** One demo frame. */
export interface DemoFrame {
  /** What the frame shows. */
  title: string;
  /** The mac.json vector id and the original source. */
  source: string;
  /** The PHYPayload in hex as published. */
  hex: string;
  /** Keys and counters for `decodeFrame`. */
  options: FrameOptions;
}

/** The demo set, in the order printed. */
export const DEMO_FRAMES: readonly DemoFrame[] = [
  {
    title: 'LoRaWAN 1.0 uplink: MIC checked with NwkSKey, payload decrypted with AppSKey',
    source:
      'mac.json lp-mic-data-up-1 and lp-decrypt-test: anthonykirby/lora-packet ' +
      '__tests__/mic_test.ts and decrypt_test.ts (v0.9.3)',
    hex: '40F17DBE4900020001954378762B11FF0D',
    options: {
      keys: {
        nwkSKey: '44024241ed4ce9a68c6a8bc055233fd3',
        appSKey: 'ec925802ae430ca77fd3dd73cb2cc588',
      },
    },
  },
  {
    title: 'LoRaWAN 1.0 uplink whose counter passed 65535: MIC valid with FCnt 89136',
    source:
      'mac.json lpi126-mic-mismatch-fcnt16: anthonykirby/lora-packet issue #126 ' +
      '(FCnt MSB 0x0001 found by the vectors research)',
    hex: '40d9990b2600305c05015875a61a',
    options: { keys: { nwkSKey: '4A43B74FE531126056CDE739EC05C92B' }, fCnt: 89136 },
  },
  {
    title: 'LoRaWAN 1.1 uplink: RekeyInd in an FPort 0 payload, MIC with TxDr 0 and TxCh 1',
    source:
      'mac.json lp-mic-data-up-1.1-rekeyind: anthonykirby/lora-packet __tests__/fopts_test.ts ' +
      '(v0.9.3)',
    hex: '40679810e080000000c2c5248de748',
    options: {
      lorawan: '1.1',
      keys: {
        fNwkSIntKey: '07c105892e1bbb7f7101d13a5f78249b',
        sNwkSIntKey: 'f9162a2fcf6e70867cee523249282844',
        nwkSEncKey: 'a5406d11c50850c965c2545ad81980a7',
      },
      txDr: 0,
      txCh: 1,
    },
  },
  {
    title: 'LoRaWAN 1.1 downlink: encrypted FOpts (LinkCheckAns), no FPort',
    source:
      'mac.json br11-fopts-encrypted-nfcntdown: brocaar/lorawan phypayload_test.go LoRaWAN11 ' +
      '"Mac-commands in FOpts (encrypted, using NFCntDown)"',
    hex: '6004030201030000dfb4f1e24f1f9f',
    options: {
      lorawan: '1.1',
      keys: {
        sNwkSIntKey: '02020202020202020202020202020202',
        nwkSEncKey: '02020202020202020202020202020204',
      },
    },
  },
  {
    title: 'LoRaWAN 1.0 downlink: two LinkADRReq (a channel mask block) in clear FOpts',
    source:
      'mac.json lpi51-down-fpending: anthonykirby/lora-packet issue #51 (no keys published: ' +
      'fields and MAC commands only)',
    hex: '6049270226BA00000340020071033500FF0101867B63F7834E04CAC51E59',
    options: {},
  },
  {
    title: 'Join-Request: MIC checked with AppKey',
    source:
      'mac.json lp-join-request-mic-1.0: anthonykirby/lora-packet __tests__/mic_test.ts (v0.9.3)',
    hex: '0039363463336913AA05693574323831330489C65B1304',
    options: { keys: { appKey: '98929b92c49edba9676d646d3b612456' } },
  },
  {
    title: 'Join-Accept with a CFList: decrypted with AppKey, MIC checked',
    source:
      'mac.json lpi10-join-accept-decrypt-keys: anthonykirby/lora-packet issue #10',
    hex: '204DD85AE608B87FC4889970B7D2042C9E72959B0057AED6094B16003DF12DE145',
    options: { keys: { appKey: 'B6B53F4A168A7A88BDF7EA135CE9CFCA' } },
  },
];
