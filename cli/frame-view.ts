/**
 * How `loire decode` and `loire demo` show a decoded frame: a JSON object with hex strings
 * (EUIs and DevAddr big-endian, lowercase) and a readable text block. No key ever appears in
 * either: only the frame's own fields and what the keys revealed.
 */
import { bytesToHex } from '../src/bytes/hex.js';
import type { DecodedFrame } from '../src/frame/index.js';
import type { MacCommand } from '../src/mac/index.js';

type Json = Record<string, unknown>;

const addr = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** A MAC command as `{ name, cid, ...fields }`, raw entries with their bytes in hex. */
export function macCommandJson(c: MacCommand): Json {
  if ('raw' in c) return { name: c.name, cid: c.cid, raw: bytesToHex(c.raw) };
  return { name: c.name, cid: c.cid, ...c.fields };
}

/** The JSON view of a decoded frame (the keys documented in `loire decode --help`). */
export function frameJson(f: DecodedFrame): Json {
  const o: Json = { mType: f.mType };
  switch (f.type) {
    case 'data':
      o.devAddr = addr(f.devAddr);
      o.fCtrl = { ...f.fCtrl };
      o.fCnt = f.fCnt;
      o.fOpts = bytesToHex(f.fOpts);
      if (f.fOptsDecrypted !== undefined) o.fOptsDecrypted = bytesToHex(f.fOptsDecrypted);
      o.fPort = f.fPort;
      o.frmPayload = bytesToHex(f.frmPayload);
      o.mic = bytesToHex(f.mic);
      if (f.micValid !== undefined) o.micValid = f.micValid;
      if (f.micChecked !== undefined) o.micChecked = f.micChecked;
      if (f.payload !== undefined) o.payload = bytesToHex(f.payload);
      if (f.macCommands !== undefined) o.macCommands = f.macCommands.map(macCommandJson);
      break;
    case 'joinRequest':
      o.joinEui = f.joinEui;
      o.devEui = f.devEui;
      o.devNonce = f.devNonce;
      o.mic = bytesToHex(f.mic);
      if (f.micValid !== undefined) o.micValid = f.micValid;
      break;
    case 'joinAccept':
      o.decrypted = f.decrypted;
      if (!f.decrypted) {
        o.encryptedPayload = bytesToHex(f.encryptedPayload);
        break;
      }
      o.joinNonce = f.joinNonce;
      o.netId = f.netId;
      o.devAddr = addr(f.devAddr!);
      o.dlSettings = f.dlSettings;
      o.rxDelay = f.rxDelay;
      if (f.cfList !== undefined) o.cfList = f.cfList;
      o.mic = bytesToHex(f.mic!);
      if (f.micValid !== undefined) o.micValid = f.micValid;
      break;
    case 'rejoinRequest':
      o.rejoinType = f.rejoinType;
      if (f.netId !== undefined) o.netId = f.netId;
      if (f.joinEui !== undefined) o.joinEui = f.joinEui;
      o.devEui = f.devEui;
      o[f.rejoinType === 1 ? 'rjCount1' : 'rjCount0'] = f.rjCount;
      o.mic = bytesToHex(f.mic);
      if (f.micValid !== undefined) o.micValid = f.micValid;
      break;
    default:
      o.proprietaryPayload = bytesToHex(f.proprietaryPayload);
  }
  return o;
}

function valueText(v: unknown): string {
  if (v === null) return '(none)';
  if (v === '') return '(empty)';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Json)
      .map(([k, x]) => `${k}=${Array.isArray(x) ? x.join(',') : String(x)}`)
      .join(' ');
  }
  return String(v);
}

/** Printable ASCII of a payload, shown beside its hex when it reads as text. */
function asciiOf(hex: string): string | undefined {
  if (hex.length === 0) return undefined;
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return undefined;
    s += String.fromCharCode(c);
  }
  return s;
}

/** The text view: one `name  value` line per field, MAC commands one per line. */
export function frameText(f: DecodedFrame): string {
  const o = frameJson(f);
  const lines: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'macCommands') continue;
    let text = valueText(v);
    if (k === 'micValid') text = v ? 'yes' : 'NO';
    if (k === 'joinNonce') text += ` (0x${(v as number).toString(16).padStart(6, '0')})`;
    if (k === 'payload') {
      const ascii = asciiOf(String(v));
      if (ascii !== undefined) text += `  "${ascii}"`;
    }
    if (k === 'cfList') text = valueText((v as Json).frequenciesHz ?? (v as Json).chMasks);
    lines.push(`${k.padEnd(15)} ${text}`);
  }
  const cmds = o.macCommands as Json[] | undefined;
  if (cmds !== undefined) {
    lines.push(`${'macCommands'.padEnd(15)} ${cmds.length === 0 ? '(none)' : ''}`.trimEnd());
    for (const c of cmds) {
      const { name, cid: _cid, ...fields } = c;
      const rest = valueText(fields);
      lines.push(`  ${String(name)}${rest ? ' ' + rest : ''}`);
    }
  }
  return lines.join('\n');
}
