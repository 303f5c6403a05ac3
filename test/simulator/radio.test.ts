/**
 * Radio building blocks against published numbers: radio.json's path-loss presets and range
 * illustration, the datasheet sensitivity and SNR tables, and the ns-3 isolation matrix.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadVectors } from '../vectors.js';
import {
  distanceForLossM,
  pathLossDb,
  PATH_LOSS_PRESETS,
  pathLossPreset,
} from '../../simulator/radio/path-loss.js';
import {
  noiseFloorDbm,
  RECEIVER_PRESETS,
  sensitivityDbm,
  SNR_FLOOR_DB,
} from '../../simulator/radio/sensitivity.js';
import { destroyingSf, ISOLATION_PRESETS } from '../../simulator/radio/isolation.js';
import {
  parsePositionsCsv,
  parsePositionsGeoJson,
  placeGrid,
  placeRandom,
} from '../../simulator/radio/geo.js';
import { LoireError } from '../../src/errors.js';

interface RadioJson {
  sensitivityDbm: Record<string, Record<string, Record<string, number> | string>>;
  snrFloorDb: Record<string, number | string>;
  radio: { pathLoss: Record<string, unknown>[]; rangeIllustration_computed: string };
}
const radio = loadVectors<RadioJson>('radio.json');

/** A tiny seeded uniform source for placement tests (mulberry32). */
function createRng(seed: number): { next(): number } {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

describe('path loss', () => {
  it('LoRaSim preset matches radio.json (d0 40 m, 127.41 dB, n 2.08, sigma 3.57)', () => {
    const v = radio.radio.pathLoss.find((p) => String(p.model).startsWith('LoRaSim'))!;
    const m = PATH_LOSS_PRESETS.lorasim!.model;
    expect(m).toMatchObject({ kind: 'log-distance', d0M: v.d0_m, plD0Db: v.PLd0_dB,
      exponent: v.gamma, sigmaDb: v.sigma_dB });
    expect(pathLossDb(m, 40)).toBeCloseTo(127.41, 9);
  });

  it('Oulu preset matches radio.json', () => {
    const v = radio.radio.pathLoss.find((p) => String(p.model).includes('Oulu'))!;
    expect(PATH_LOSS_PRESETS.oulu!.model).toMatchObject({ d0M: v.d0_m, plD0Db: v.B_dB,
      exponent: v.n, sigmaDb: v.sigma_dB });
  });

  it('reproduces the range illustration of radio.json (14 dBm, SX1301, no margin)', () => {
    // "SF7 LoRaSim-model 251 m vs ns-3-model 4.2 km; SF12 1.0 km vs 9.1 km"
    expect(radio.radio.rangeIllustration_computed).toContain('251 m');
    const sx1301 = RECEIVER_PRESETS.sx1301!.sensitivityDbm;
    const lorasim = pathLossPreset('lorasim').model;
    const ns3 = pathLossPreset('ns3-urban').model;
    const range = (m: typeof lorasim, sf: number): number =>
      distanceForLossM(m, 14 - sensitivityDbm(sx1301, sf, 125000));
    expect(Math.round(range(lorasim, 7))).toBe(251);
    expect(range(ns3, 7) / 1000).toBeCloseTo(4.2, 1);
    expect(range(lorasim, 12) / 1000).toBeCloseTo(1.0, 1);
    expect(range(ns3, 12) / 1000).toBeCloseTo(9.1, 1);
  });

  test.prop([fc.constantFrom(...Object.keys(PATH_LOSS_PRESETS)), fc.double({ min: 10, max: 3e4,
    noNaN: true })])(
    'distanceForLossM inverts pathLossDb for every preset', (name, d) => {
      const m = pathLossPreset(name).model;
      expect(distanceForLossM(m, pathLossDb(m, d)) / d).toBeCloseTo(1, 6);
    });

  it('Okumura-Hata: suburban loses less than urban, both grow with distance', () => {
    const u = pathLossPreset('hata-urban').model;
    const s = pathLossPreset('hata-suburban').model;
    expect(pathLossDb(s, 5000)).toBeLessThan(pathLossDb(u, 5000));
    expect(pathLossDb(u, 10000)).toBeGreaterThan(pathLossDb(u, 5000));
  });

  it('refuses an unknown preset by name', () => {
    expect(() => pathLossPreset('nope')).toThrow(/lorasim/);
  });
});

describe('sensitivity and SNR', () => {
  const table = (k: string): Record<string, Record<string, number>> =>
    radio.sensitivityDbm[k] as unknown as Record<string, Record<string, number>>;
  it.each([['sx1276', 'sx1276_rev7_band1_HF_endDevice'], ['sx1301', 'sx1301_gateway'],
    ['sx1302', 'sx1302_gateway']])('%s preset equals radio.json %s', (preset, key) => {
    const t = table(key);
    let checked = 0;
    for (const [bw, row] of Object.entries(t)) {
      if (!bw.endsWith('kHz')) continue;
      for (const [sf, dbm] of Object.entries(row)) {
        const hz = Number(bw.replace('kHz', '')) * 1000;
        expect(sensitivityDbm(RECEIVER_PRESETS[preset]!.sensitivityDbm, Number(sf.slice(2)), hz))
          .toBe(dbm);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('SNR floors equal radio.json snrFloorDb', () => {
    for (const [k, v] of Object.entries(radio.snrFloorDb)) {
      if (typeof v === 'number') expect(SNR_FLOOR_DB[Number(k.slice(2))]).toBe(v);
    }
  });

  it('noise floor plus SNR floor gives radio.json formulaCheck values', () => {
    // radio.json: "-174 + 10log10(BW) + NF(6 dB) + SNRfloor gives -124.5/-127/.../-137 dBm",
    // with 10log10(125 kHz) = 50.97 rounded to 51 there.
    const check = [-124.5, -127, -129.5, -132, -134.5, -137];
    for (let sf = 7; sf <= 12; sf++) {
      expect(noiseFloorDbm(125000, 6) + SNR_FLOOR_DB[sf]!).toBeCloseTo(check[sf - 7]!, 1);
    }
  });
});

describe('isolation matrices', () => {
  const g = ISOLATION_PRESETS.goursaud!.matrix;
  it('co-SF: survives 6 dB above a fully overlapping interferer, not 5 dB (Goursaud)', () => {
    expect(destroyingSf(g, 9, -100, 100, [{ sf: 9, powerDbm: -106,
      overlapMs: 100 }])).toBeUndefined();
    expect(destroyingSf(g, 9, -100, 100, [{ sf: 9, powerDbm: -105, overlapMs: 100 }])).toBe(9);
  });
  it('inter-SF: SF12 survives an SF7 interferer 35 dB stronger but not 37 dB (row SF12 = -36)',
    () => {
    expect(destroyingSf(g, 12, -120, 1000, [{ sf: 7, powerDbm: -85,
      overlapMs: 1000 }])).toBeUndefined();
    expect(destroyingSf(g, 12, -120, 1000, [{ sf: 7, powerDbm: -83, overlapMs: 1000 }])).toBe(7);
  });
  it('energy counts the overlap only: a 10 % overlap is 10 dB less interference', () => {
    expect(destroyingSf(g, 7, -100, 100, [{ sf: 7, powerDbm: -97,
      overlapMs: 10 }])).toBeUndefined();
    expect(destroyingSf(g, 7, -100, 100, [{ sf: 7, powerDbm: -97, overlapMs: 100 }])).toBe(7);
  });
  it('ALOHA: any co-SF overlap destroys, other SFs never', () => {
    const a = ISOLATION_PRESETS.aloha!.matrix;
    expect(destroyingSf(a, 7, -50, 100, [{ sf: 7, powerDbm: -140, overlapMs: 1 }])).toBe(7);
    expect(destroyingSf(a, 7, -140, 100, [{ sf: 8, powerDbm: -50,
      overlapMs: 100 }])).toBeUndefined();
  });
  it('6 dB co-SF only: inter-SF never destroys', () => {
    const m = ISOLATION_PRESETS['co-sf-6db']!.matrix;
    expect(destroyingSf(m, 7, -140, 100, [{ sf: 12, powerDbm: -40,
      overlapMs: 100 }])).toBeUndefined();
    expect(destroyingSf(m, 7, -100, 100, [{ sf: 7, powerDbm: -105, overlapMs: 100 }])).toBe(7);
  });
});

describe('placement', () => {
  it('random placement is seeded and stays in the area', () => {
    const area = { widthM: 1000, heightM: 500 };
    const a = placeRandom(200, area, createRng(3), 0.5);
    expect(placeRandom(200, area, createRng(3), 0.5)).toEqual(a);
    expect(placeRandom(200, area, createRng(4), 0.5)).not.toEqual(a);
    for (const p of a) {
      expect(p.xM).toBeGreaterThanOrEqual(0);
      expect(p.xM).toBeLessThanOrEqual(1000);
      expect(p.yM).toBeLessThanOrEqual(500);
    }
  });
  it('grid placement gives count positions spread over the area', () => {
    const p = placeGrid(30, { widthM: 25000, heightM: 20000 }, createRng(1));
    expect(p).toHaveLength(30);
    expect(Math.max(...p.map((q) => q.xM))).toBeGreaterThan(15000);
  });
  it('reads CSV in metres and in degrees', () => {
    expect(parsePositionsCsv('name;x_m;y_m\ngw1;10;20\n')).toEqual([{ name: 'gw1', xM: 10,
      yM: 20 }]);
    // Two points 0.01 degree of latitude apart are 1,112 m apart (mean Earth radius).
    const p = parsePositionsCsv('lat,lon\n45.75,4.85\n45.76,4.85\n');
    expect(p[1]!.yM - p[0]!.yM).toBeCloseTo(1111.95, 1);
  });
  it('reads GeoJSON points (longitude first) and keeps names', () => {
    const fcoll = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [4.85,
        45.75] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.86, 45.75] } },
    ] };
    const p = parsePositionsGeoJson(fcoll);
    expect(p[0]!.name).toBe('a');
    // 0.01 degree of longitude at 45.75 N: 1111.95 m x cos(45.75 deg).
    expect(p[1]!.xM).toBeCloseTo(1111.95 * Math.cos((45.75 * Math.PI) / 180), 1);
  });
  it('names the line of a bad CSV value and the feature of a bad GeoJSON one', () => {
    expect(() => parsePositionsCsv('x_m,y_m\n1,2\n3,abc\n')).toThrow(/line 3/);
    expect(() => parsePositionsCsv('x_m,y_m\n1,2\n3,abc\n')).toThrow(LoireError);
    expect(() => parsePositionsGeoJson({ type: 'FeatureCollection', features: [
      { geometry: { type: 'LineString', coordinates: [] } }] })).toThrow(/features\[0\]/);
  });
});
