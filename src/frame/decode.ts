/**
 * The decode behind `decodeFrame` and `FrameSession.decode`: framing from `src/mac`, then
 * whatever the expanded keys allow from `src/crypto` (MIC check, FOpts and FRMPayload
 * decryption, Join-Accept decryption), then the MAC commands.
 * @internal
 */
import { LoireError } from '../errors.js';
import { decryptFOpts } from '../crypto/fopts.js';
import { decryptFrmPayload } from '../crypto/frm-payload.js';
import { decryptJoinAccept } from '../crypto/join-accept-cipher.js';
import {
  computeUplinkMic11,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyUplinkMic10,
  verifyUplinkMic11,
} from '../crypto/mic-data.js';
import {
  verifyJoinAcceptMic10,
  verifyJoinAcceptMic11,
  verifyJoinRequestMic,
  verifyRejoinRequestMic,
} from '../crypto/mic-join.js';
import { reconstructFCnt32 } from '../mac/fcnt.js';
import { decodeDecryptedJoinAccept } from '../mac/join-accept.js';
import type { JoinAcceptFrame } from '../mac/join-accept.js';
import type { JoinRequestFrame } from '../mac/join-request.js';
import { decodeMacCommands } from '../mac/mac-commands/mac-command.js';
import { decodePhyPayload } from '../mac/phy-payload.js';
import type { DataFrame } from '../mac/phy-payload.js';
import type { RejoinRequestFrame } from '../mac/rejoin-request.js';
import type { ExpandedKeys, LorawanVersion } from './keys.js';
import { joinServerKeys } from './join-server-keys.js';
import { checkDecodeOptions } from './options.js';
import {
  MTYPE_NAMES,
  type DecodedDataFrame,
  type DecodedFrame,
  type DecodedJoinAccept,
  type DecodedJoinRequest,
  type DecodedRejoinRequest,
  type FrameDecodeOptions,
} from './types.js';

/**
 * Decodes `bytes` with the keys of a session.
 * @internal
 */
export function decodeWithKeys(
  bytes: Uint8Array,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
  options: FrameDecodeOptions | undefined,
): DecodedFrame {
  const opts = checkDecodeOptions(options);
  const frame = decodePhyPayload(bytes);
  switch (frame.type) {
    case 'data':
      return decodeData(frame, keys, lorawan, opts);
    case 'joinRequest':
      return decodeJoinRequest(frame, keys);
    case 'joinAccept':
      return decodeJoinAccept(frame, keys, lorawan, opts);
    case 'rejoinRequest':
      return decodeRejoin(frame, keys, lorawan);
    default:
      return {
        type: 'proprietary',
        mType: 'Proprietary',
        mhdr: frame.mhdr,
        bytes,
        proprietaryPayload: frame.payload,
      };
  }
}

function decodeData(
  f: DataFrame,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
  opts: FrameDecodeOptions,
): DecodedDataFrame {
  const { devAddr, fCtrl, fOpts } = f.fhdr;
  const fCnt16 = f.fhdr.fCnt;
  const fCnt = opts.fCnt === undefined ? fCnt16 : reconstructFCnt32(opts.fCnt, fCnt16).fCnt32;
  const uplink = f.uplink;
  const fPort = f.fPort;

  // TS001-1.0.4 §4.3.1.6: MAC commands never travel in FOpts and an FPort 0 payload at once.
  if (fPort === 0 && fOpts.length > 0) {
    throw new LoireError(
      'INVALID_VALUE',
      'FOpts: MAC commands in FOpts and in an FPort 0 payload at once (TS001-1.0.4 §4.3.1.6)',
      { offset: 5, field: 'FOptsLen' },
    );
  }

  const out: DecodedDataFrame = {
    type: 'data',
    mType: MTYPE_NAMES[f.mhdr.mType]!,
    mhdr: f.mhdr,
    bytes: f.bytes,
    uplink,
    confirmed: f.confirmed,
    devAddr,
    fCtrl,
    fCnt,
    fCnt16,
    fOpts,
    fPort,
    frmPayload: f.frmPayload,
    mic: f.mic,
  };

  const message = f.bytes.subarray(0, f.micOffset);
  const micInput = { devAddr, fCnt, message };
  if (lorawan === '1.0') {
    const k = keys.sNwkSIntKey;
    if (k !== undefined) {
      out.micValid = uplink
        ? verifyUplinkMic10(k, micInput, f.mic)
        : verifyDownlinkMic10(k, micInput, f.mic);
    }
  } else if (uplink) {
    checkUplinkMic11(out, keys, opts, message);
  } else if (keys.sNwkSIntKey !== undefined) {
    const confFCnt = opts.confFCnt ?? 0;
    out.micValid = verifyDownlinkMic11(keys.sNwkSIntKey, { ...micInput, confFCnt }, f.mic);
  }

  // MAC commands in FOpts: clear in 1.0, encrypted with NwkSEncKey in 1.1 (§4.3.1.6).
  let commands: Uint8Array | undefined;
  if (fOpts.length > 0) {
    if (lorawan === '1.0') {
      commands = fOpts;
    } else if (keys.nwkSEncKey !== undefined) {
      commands = decryptFOpts(keys.nwkSEncKey, {
        direction: uplink ? 'up' : 'down',
        devAddr,
        fCnt,
        fOpts,
        // The errata's AFCntDown flag: downlinks on FPort > 0 count with AFCntDown.
        aFCntDown: !uplink && fPort !== null && fPort > 0,
      });
      out.fOptsDecrypted = commands;
    }
  }

  // FRMPayload: AppSKey on FPort 1..255, the network key on FPort 0 (TS001-1.0.4 §4.3.3).
  if (fPort !== null) {
    const key = fPort === 0 ? keys.nwkSEncKey : keys.appSKey;
    if (key !== undefined) {
      const payload = decryptFrmPayload(key, {
        direction: uplink ? 'up' : 'down',
        devAddr,
        fCnt,
        payload: f.frmPayload,
      });
      out.payload = payload;
      if (fPort === 0) commands = payload;
    }
  }

  // Decrypted commands under a MIC known to be wrong are noise (wrong key or counter): they are
  // not parsed, so the result reports the bad MIC rather than a spurious truncated command.
  const noise = out.micValid === false && commands !== undefined && commands !== fOpts;
  if (opts.parseMacCommands === false) return out;
  if (commands !== undefined && !noise) out.macCommands = decodeMacCommands(commands, { uplink });
  else if (fOpts.length === 0 && fPort !== 0) out.macCommands = [];
  return out;
}

/**
 * A 1.1 uplink MIC is cmacS[0..1] | cmacF[0..1] (TS001-1.1 §4.4). Without SNwkSIntKey, TxDr or
 * TxCh only cmacF can be checked: it covers B0 and the frame, not the transmission parameters.
 */
function checkUplinkMic11(
  out: DecodedDataFrame,
  keys: ExpandedKeys,
  opts: FrameDecodeOptions,
  message: Uint8Array,
): void {
  const fKey = keys.fNwkSIntKey;
  if (fKey === undefined) return;
  const base = { devAddr: out.devAddr, fCnt: out.fCnt, message, confFCnt: opts.confFCnt ?? 0 };
  const sKey = keys.sNwkSIntKey;
  if (sKey !== undefined && opts.txDr !== undefined && opts.txCh !== undefined) {
    const input = { ...base, txDr: opts.txDr, txCh: opts.txCh };
    out.micValid = verifyUplinkMic11(sKey, fKey, input, out.mic);
    out.micChecked = 'full';
    return;
  }
  const mic = computeUplinkMic11(fKey, fKey, { ...base, txDr: 0, txCh: 0 });
  // Constant time over the two compared bytes.
  out.micValid = ((mic[2]! ^ out.mic[2]!) | (mic[3]! ^ out.mic[3]!)) === 0;
  out.micChecked = 'cmacF';
}

function decodeJoinRequest(f: JoinRequestFrame, keys: ExpandedKeys): DecodedJoinRequest {
  const out: DecodedJoinRequest = {
    type: 'joinRequest',
    mType: 'JoinRequest',
    mhdr: f.mhdr,
    bytes: f.bytes,
    joinEui: f.joinEui,
    devEui: f.devEui,
    devNonce: f.devNonce,
    mic: f.mic,
  };
  // AppKey in 1.0.x, NwkKey in 1.1 (TS001-1.0.4 §6.2.5, TS001-1.1 §6.2.2).
  if (keys.rootKey !== undefined) {
    out.micValid = verifyJoinRequestMic(keys.rootKey, f.bytes.subarray(0, f.micOffset), f.mic);
  }
  return out;
}

function decodeJoinAccept(
  f: JoinAcceptFrame,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
  opts: FrameDecodeOptions,
): DecodedJoinAccept {
  const out: DecodedJoinAccept = {
    type: 'joinAccept',
    mType: 'JoinAccept',
    mhdr: f.mhdr,
    bytes: f.bytes,
    encryptedPayload: f.encryptedPayload,
    decrypted: false,
  };
  const req = opts.joinRequest;
  const joinReqType = req?.joinReqType ?? 0xff;
  // 1.1: a Join-Accept answering a Rejoin-Request is encrypted with JSEncKey (§6.2.3).
  const js = lorawan === '1.1' ? joinServerKeys(keys, req) : {};
  const cipherKey = joinReqType === 0xff ? keys.rootKey : js.jsEncKey;
  if (cipherKey === undefined) return out;

  const plain = decryptJoinAccept(cipherKey, f.bytes);
  const ja = decodeDecryptedJoinAccept(plain);
  const p = ja.payload;
  out.decrypted = true;
  out.joinNonce = p.joinNonce;
  out.netId = p.homeNetId;
  out.devAddr = p.devAddr;
  out.dlSettings = p.dlSettings;
  out.rxDelay = p.rxDelay;
  if (p.cfList !== undefined) out.cfList = p.cfList;
  out.mic = ja.mic;

  const message = plain.subarray(0, ja.micOffset);
  if (lorawan === '1.1' && p.dlSettings.optNeg) {
    // OptNeg set: CMAC(JSIntKey, JoinReqType | JoinEUI | DevNonce | MHDR | ...) (§6.2.3).
    if (req !== undefined && js.jsIntKey !== undefined) {
      const input = { joinReqType, joinEui: req.joinEui, devNonce: req.devNonce, message };
      out.micValid = verifyJoinAcceptMic11(js.jsIntKey, input, ja.mic);
    }
  } else if (keys.rootKey !== undefined) {
    // 1.0.x, or a 1.1 device answered by a 1.0 network: CMAC(AppKey or NwkKey, MHDR | ...).
    out.micValid = verifyJoinAcceptMic10(keys.rootKey, message, ja.mic);
  }
  return out;
}

function decodeRejoin(
  f: RejoinRequestFrame,
  keys: ExpandedKeys,
  lorawan: LorawanVersion,
): DecodedRejoinRequest {
  const out: DecodedRejoinRequest =
    f.rejoinType === 1
      ? {
          type: 'rejoinRequest',
          mType: 'RejoinRequest',
          mhdr: f.mhdr,
          bytes: f.bytes,
          rejoinType: 1,
          joinEui: f.joinEui,
          devEui: f.devEui,
          rjCount: f.rjCount1,
          mic: f.mic,
        }
      : {
          type: 'rejoinRequest',
          mType: 'RejoinRequest',
          mhdr: f.mhdr,
          bytes: f.bytes,
          rejoinType: f.rejoinType,
          netId: f.netId,
          devEui: f.devEui,
          rjCount: f.rjCount0,
          mic: f.mic,
        };
  // Types 0 and 2: SNwkSIntKey; type 1: JSIntKey (TS001-1.1 §6.2.4.1, §6.2.4.2). LoRaWAN 1.0
  // has no Rejoin-Request, so its NwkSKey checks nothing here.
  if (lorawan !== '1.1') return out;
  const key = f.rejoinType === 1 ? keys.jsIntKey : keys.sNwkSIntKey;
  if (key !== undefined) {
    out.micValid = verifyRejoinRequestMic(key, f.bytes.subarray(0, f.micOffset), f.mic);
  }
  return out;
}
