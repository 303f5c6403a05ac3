/**
 * The join server on frames built by the device side (simulator/device/frames.ts) and checked
 * against lora-packet as an independent oracle of the Join-Request MIC and Join-Accept cipher.
 */
import loraPacket from 'lora-packet';
import { describe, expect, it } from 'vitest';
import { buildDeviceJoinRequest, openJoinAccept } from '../../simulator/device/frames.js';
import { JoinServer } from '../../simulator/network/join-server.js';

const root = {
  devEui: '0004a30b001c0530',
  joinEui: '70b3d57ed0000001',
  appKey: Uint8Array.from(Buffer.from('b6b53f4a168a7a88bdf7ea135ce9cfca', 'hex')),
};

function server(): JoinServer {
  const js = new JoinServer({ netId: 0x13 });
  js.register({ version: '1.0', ...root });
  return js;
}

describe('join server', () => {
  it('accepts a good Join-Request; the device opens its Join-Accept to the same session', () => {
    const js = server();
    const jr = buildDeviceJoinRequest('1.0', root, 7);
    // lora-packet, an independent implementation, agrees the MIC is right.
    expect(loraPacket.verifyMIC(loraPacket.fromWire(Buffer.from(jr)), undefined,
      Buffer.from(root.appKey))).toBe(true);
    const r = js.handleJoinRequest(jr);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Type-0 NetID 0x000013: DevAddr starts with the 7-bit prefix 0b0010011 (0x26 or 0x27).
    expect(r.devAddr >>> 25).toBe(0x13);
    const opened = openJoinAccept('1.0', root, 7, r.joinAccept);
    expect(opened).toBeDefined();
    expect(opened!.session.devAddr).toBe(r.devAddr);
    expect(opened!.netId).toBe(0x13);
    // lora-packet decrypts the same Join-Accept and reads the same DevAddr.
    const decrypted = loraPacket.fromWire(loraPacket.decryptJoinAccept(
      loraPacket.fromWire(Buffer.from(r.joinAccept)), Buffer.from(root.appKey)));
    expect(decrypted.DevAddr!.readUInt32BE(0)).toBe(r.devAddr);
    expect(opened!.cfList).toBeUndefined();
  });

  it('refuses a reused or lower DevNonce, and accepts the next one', () => {
    const js = server();
    expect(js.handleJoinRequest(buildDeviceJoinRequest('1.0', root, 10)).ok).toBe(true);
    expect(js.handleJoinRequest(buildDeviceJoinRequest('1.0', root, 10))).toMatchObject({ ok: false,
      reason: 'dev-nonce-reused' });
    expect(js.handleJoinRequest(buildDeviceJoinRequest('1.0', root, 3))).toMatchObject({ ok: false,
      reason: 'dev-nonce-reused' });
    expect(js.handleJoinRequest(buildDeviceJoinRequest('1.0', root, 11)).ok).toBe(true);
    expect(js.stats.devNonceRefused).toBe(2);
  });

  it('refuses a bad MIC without burning the DevNonce, and an unknown device', () => {
    const js = server();
    const jr = buildDeviceJoinRequest('1.0', root, 5);
    const bad = Uint8Array.from(jr);
    bad[22] ^= 0x80;
    expect(js.handleJoinRequest(bad)).toMatchObject({ ok: false, reason: 'mic' });
    expect(js.handleJoinRequest(jr).ok).toBe(true);
    const other = buildDeviceJoinRequest('1.0', { ...root, devEui: '0004a30b001c0531' }, 1);
    expect(js.handleJoinRequest(other)).toMatchObject({ ok: false, reason: 'unknown-device' });
    expect(js.handleJoinRequest(Uint8Array.of(0, 1, 2))).toMatchObject({ ok: false,
      reason: 'malformed' });
  });

  it('sends its CFList (EU868 channels 3 to 7) in the Join-Accept', () => {
    const js = new JoinServer({ netId: 0x13, cfList: { cfListType: 0,
      frequenciesHz: [867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000] } });
    js.register({ version: '1.0', ...root });
    const r = js.handleJoinRequest(buildDeviceJoinRequest('1.0', root, 1));
    expect(r.ok && r.joinAccept.length).toBe(33);
    const opened = r.ok ? openJoinAccept('1.0', root, 1, r.joinAccept) : undefined;
    expect(opened?.cfList).toMatchObject({ cfListType: 0,
      frequenciesHz: [867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000] });
  });
});
