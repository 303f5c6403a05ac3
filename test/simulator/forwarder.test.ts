/**
 * The Semtech UDP protocol v2 (PROTOCOL.TXT of Semtech's packet_forwarder): datagram layout by
 * hand, and a forwarder talking to a listener this test starts on 127.0.0.1 (bounded in count
 * and time).
 */
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildRxpk,
  decodeSemtechPacket,
  encodeSemtechPacket,
  loraDatr,
  rxpkTime,
} from '../../simulator/forwarder/semtech-udp.js';
import { PacketForwarder } from '../../simulator/forwarder/packet-forwarder.js';
import { LoireError } from '../../src/errors.js';

const EUI = '0016c001ff10a235';

describe('datagram layout', () => {
  it('PULL_DATA is version 2, token big-endian, identifier 2, then the EUI (12 bytes)', () => {
    const b = encodeSemtechPacket({ version: 2, type: 'PULL_DATA', token: 0x1234,
      gatewayEui: EUI });
    expect(Array.from(b)).toEqual([2, 0x12, 0x34, 2, 0x00, 0x16, 0xc0, 0x01, 0xff, 0x10, 0xa2,
      0x35]);
  });
  it('PUSH_DATA carries the JSON after the 12-byte header and decodes back', () => {
    const b = encodeSemtechPacket({ version: 2, type: 'PUSH_DATA', token: 7, gatewayEui: EUI,
      json: { stat: { rxnb: 2 } } });
    expect(b[3]).toBe(0);
    expect(String.fromCharCode(...b.subarray(12))).toBe('{"stat":{"rxnb":2}}');
    expect(decodeSemtechPacket(b)).toEqual({ version: 2, token: 7, type: 'PUSH_DATA',
      gatewayEui: EUI,
      json: { stat: { rxnb: 2 } } });
  });
  it('PUSH_ACK and PULL_ACK are 4 bytes', () => {
    expect(decodeSemtechPacket(Uint8Array.of(2, 0xab, 0xcd, 1))).toEqual({ version: 2,
      token: 0xabcd,
      type: 'PUSH_ACK' });
    expect(decodeSemtechPacket(Uint8Array.of(2, 0, 1, 4)).type).toBe('PULL_ACK');
  });
  it('refuses short, unknown and non-JSON datagrams with the offset', () => {
    expect(() => decodeSemtechPacket(Uint8Array.of(2, 0))).toThrow(LoireError);
    expect(() => decodeSemtechPacket(Uint8Array.of(2, 0, 0, 9))).toThrow(/identifier/);
    expect(() => decodeSemtechPacket(Uint8Array.of(2, 0, 0, 0, 1, 2))).toThrow(/12/);
    const bad = new Uint8Array([2, 0, 0, 3, 0x7b]);
    try {
      decodeSemtechPacket(bad);
      expect.fail('no error');
    } catch (e) {
      expect((e as LoireError).offset).toBe(4);
    }
  });
  it('rxpk fields: tmst wraps at 2^32, datr, time with microseconds, RSSI integer, SNR 0.1 dB',
    () => {
    const phy = Uint8Array.of(0x40, 1, 2, 3, 4, 0, 0, 0);
    const r = buildRxpk({ epochMs: Date.UTC(2026, 11, 4, 8, 0, 0) + 0.5, counterUs: 2 ** 32 + 5,
      frequencyHz: 868_100_000, sf: 9, bandwidthHz: 125000, rssiDbm: -97.6, snrDb: -3.26,
      phyPayload: phy });
    expect(r.tmst).toBe(5);
    expect(r.freq).toBe(868.1);
    expect(r.datr).toBe('SF9BW125');
    expect(r.time).toBe('2026-12-04T08:00:00.000500Z');
    expect(r.rssi).toBe(-98);
    expect(r.lsnr).toBe(-3.3);
    expect(r.size).toBe(8);
    expect(Buffer.from(r.data, 'base64')).toEqual(Buffer.from(phy));
    expect(loraDatr(12, 125000)).toBe('SF12BW125');
    expect(rxpkTime(0)).toBe('1970-01-01T00:00:00.000000Z');
  });
});

describe('a forwarder against a loopback listener', () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  it('pushes rxpk, keeps alive with PULL_DATA, and answers PULL_RESP with TX_ACK', async () => {
    const server = createSocket('udp4');
    const client = createSocket('udp4');
    sockets.push(server, client);
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    const port = server.address().port;
    const received: ReturnType<typeof decodeSemtechPacket>[] = [];
    const txpks: Record<string, unknown>[] = [];
    const fwd = new PacketForwarder({
      gatewayEui: EUI,
      send: (b) => client.send(b, port, '127.0.0.1'),
      onTxpk: (t) => txpks.push(t),
    });
    client.on('message', (m) => fwd.handle(new Uint8Array(m)));
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('listener timed out')), 5000);
      server.on('message', (m, rinfo) => {
        const p = decodeSemtechPacket(new Uint8Array(m));
        received.push(p);
        const reply = (b: Uint8Array): void => {
          server.send(b, rinfo.port, rinfo.address);
        };
        if (p.type === 'PUSH_DATA') reply(Uint8Array.of(2, p.token >> 8, p.token & 0xff, 1));
        if (p.type === 'PULL_DATA') {
          reply(Uint8Array.of(2, p.token >> 8, p.token & 0xff, 4));
          reply(encodeSemtechPacket({ version: 2, type: 'PULL_RESP', token: 0x4242,
            json: { txpk: { imme: true, freq: 869.525, powe: 14, modu: 'LORA', datr: 'SF12BW125',
              codr: '4/5', ipol: true, size: 1, data: 'AA==' } } }));
        }
        if (p.type === 'TX_ACK' || received.length >= 10) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    fwd.pullData();
    fwd.pushRxpk([buildRxpk({ epochMs: Date.UTC(2026, 0, 1), counterUs: 1e6, frequencyHz: 868.3e6,
      sf: 7, bandwidthHz: 125000, rssiDbm: -80, snrDb: 9, phyPayload: Uint8Array.of(1, 2, 3) })]);
    await done;
    const push = received.find((p) => p.type === 'PUSH_DATA')!;
    expect(push.gatewayEui).toBe(EUI);
    const rx = (push.json!.rxpk as Record<string, unknown>[])[0]!;
    expect(rx).toMatchObject({ freq: 868.3, datr: 'SF7BW125', codr: '4/5', rssi: -80, lsnr: 9,
      size: 3, data: 'AQID', stat: 1, modu: 'LORA' });
    const ack = received.find((p) => p.type === 'TX_ACK')!;
    expect(ack.token).toBe(0x4242);
    expect(ack.gatewayEui).toBe(EUI);
    expect(ack.json).toEqual({ txpk_ack: { error: 'NONE' } });
    expect(txpks).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(fwd.stats.pullAck).toBe(1);
    expect(fwd.stats.pushAck).toBe(1);
  });
});
