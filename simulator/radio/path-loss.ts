/**
 * Path-loss models as data, with presets taken from the simulators and measurement campaigns
 * that published them. A model gives the median loss at a distance; shadowing (a zero-mean
 * normal draw in dB with the model's sigma) is added per packet by the medium.
 */

/** Log-distance: PL(d) = PL(d0) + 10·n·log10(d/d0), the LoRaSim, FLoRa and ns-3 family. */
export interface LogDistanceModel {
  kind: 'log-distance';
  /** Reference distance d0 in metres. */
  d0M: number;
  /** Loss at d0 in dB. */
  plD0Db: number;
  /** Path-loss exponent n. */
  exponent: number;
  /** Standard deviation of log-normal shadowing in dB (0 for none). */
  sigmaDb: number;
}

/**
 * Okumura-Hata for a small or medium city (urban) and its suburban correction (Hata, IEEE
 * Trans. Veh. Technol. 29(3), 1980). Its fitted range is 150-1500 MHz, 1-20 km, base 30-200 m,
 * mobile 1-10 m; loire extrapolates below 1 km, where it is pessimistic.
 */
export interface OkumuraHataModel {
  kind: 'okumura-hata';
  environment: 'urban' | 'suburban';
  /** Gateway antenna height in metres. */
  baseHeightM: number;
  /** Device antenna height in metres. */
  mobileHeightM: number;
  sigmaDb: number;
}

/** Any path-loss model loire knows. */
export type PathLossModel = LogDistanceModel | OkumuraHataModel;

/** A preset: the model and where its numbers come from. */
export interface PathLossPreset {
  model: PathLossModel;
  source: string;
}

/** The presets by name (`lorasim` is the default of loire's scenarios). */
export const PATH_LOSS_PRESETS: Readonly<Record<string, PathLossPreset>> = {
  lorasim: {
    model: { kind: 'log-distance', d0M: 40, plD0Db: 127.41, exponent: 2.08, sigmaDb: 3.57 },
    source: 'Bor et al., "Do LoRa Low-Power Wide-Area Networks Scale?", MSWiM 2016 (LoRaSim; '
      + 'FLoRa LoRaLogNormalShadowing uses the same numbers)',
  },
  'ns3-urban': {
    model: { kind: 'log-distance', d0M: 1, plD0Db: 7.7, exponent: 3.76, sigmaDb: 0 },
    source: 'ns-3 lorawan module examples (signetlabdei/lorawan complete-network-example.cc): '
      + 'LogDistance exponent 3.76, 7.7 dB at 1 m',
  },
  oulu: {
    model: { kind: 'log-distance', d0M: 1000, plD0Db: 128.95, exponent: 2.32, sigmaDb: 7.8 },
    source: 'Petajajarvi et al., Oulu measurements, as FLoRa LoRaPathLossOulu (B 128.95 dB, '
      + 'n 2.32, d0 1 km, sigma 7.8 dB)',
  },
  'hata-urban': {
    model: { kind: 'okumura-hata', environment: 'urban', baseHeightM: 30, mobileHeightM: 1.5,
      sigmaDb: 6 },
    source: 'Hata 1980, small/medium city; gateway 30 m, device 1.5 m; '
      + 'sigma 6 dB is loire\'s choice',
  },
  'hata-suburban': {
    model: { kind: 'okumura-hata', environment: 'suburban', baseHeightM: 30, mobileHeightM: 1.5,
      sigmaDb: 6 },
    source: 'Hata 1980, suburban correction; gateway 30 m, device 1.5 m; '
      + 'sigma 6 dB is loire\'s choice',
  },
};

/**
 * A path-loss preset by name.
 *
 * @throws {RangeError} naming the presets when `name` is not one
 * @example pathLossPreset('lorasim').model.exponent // 2.08
 */
export function pathLossPreset(name: string): PathLossPreset {
  const p = PATH_LOSS_PRESETS[name];
  if (p === undefined) {
    throw new RangeError(
      `pathLoss: expected one of ${Object.keys(PATH_LOSS_PRESETS).join(', ')}, got '${name}'`);
  }
  return p;
}

/**
 * Median path loss in dB (no shadowing) at `distanceM`.
 *
 * Distances below 1 m are taken as 1 m so that a device on top of a gateway does not produce an
 * infinite gain.
 *
 * @param model the model
 * @param distanceM distance in metres
 * @param frequencyHz carrier frequency (used by Okumura-Hata only)
 * @returns loss in dB
 * @example pathLossDb(PATH_LOSS_PRESETS.lorasim.model, 40, 868.1e6) // 127.41
 */
export function pathLossDb(model: PathLossModel, distanceM: number, frequencyHz = 868e6): number {
  const d = Math.max(1, distanceM);
  if (model.kind === 'log-distance') {
    return model.plD0Db + 10 * model.exponent * Math.log10(d / model.d0M);
  }
  const fMHz = frequencyHz / 1e6;
  const logF = Math.log10(fMHz);
  const hb = model.baseHeightM;
  const hm = model.mobileHeightM;
  // Mobile antenna correction for a small or medium city.
  const aHm = (1.1 * logF - 0.7) * hm - (1.56 * logF - 0.8);
  const urban = 69.55 + 26.16 * logF - 13.82 * Math.log10(hb) - aHm
    + (44.9 - 6.55 * Math.log10(hb)) * Math.log10(d / 1000);
  if (model.environment === 'urban') return urban;
  return urban - 2 * Math.log10(fMHz / 28) ** 2 - 5.4;
}

/**
 * The distance at which the median loss reaches `lossDb` (the inverse of {@link pathLossDb}),
 * used to bound the search for gateways in range.
 *
 * @example distanceForLossM(PATH_LOSS_PRESETS.lorasim.model, 127.41) // 40
 */
export function distanceForLossM(model: PathLossModel, lossDb: number,
  frequencyHz = 868e6): number {
  if (model.kind === 'log-distance') {
    return model.d0M * 10 ** ((lossDb - model.plD0Db) / (10 * model.exponent));
  }
  // Hata is monotonic in distance: bisect on log-distance.
  let lo = 0;
  let hi = 7; // 1 m .. 10,000 km
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (pathLossDb(model, 10 ** mid, frequencyHz) < lossDb) lo = mid;
    else hi = mid;
  }
  return 10 ** lo;
}

/**
 * A standard normal draw (Box-Muller) from a uniform source in [0, 1).
 *
 * @example sigmaDb * standardNormal(rng)
 */
export function standardNormal(rng: { next(): number }): number {
  let u = rng.next();
  while (u <= 0) u = rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
