/**
 * Positions on a local plane in metres, and the ways a scenario places things on it: at random
 * in a rectangle (seeded), on a jittered grid, or from a CSV or GeoJSON of positions.
 */
import { LoireError } from '../../src/errors.js';

/** A position in metres east (`xM`) and north (`yM`) of the area's south-west corner. */
export interface Position {
  xM: number;
  yM: number;
}

/** A rectangular area in metres. */
export interface Area {
  widthM: number;
  heightM: number;
}

/** The source of uniform draws in [0, 1) the placement functions use. */
export interface UniformSource {
  /** The next draw, in [0, 1). */
  next(): number;
}

/** Euclidean distance in metres. */
export function distanceM(a: Position, b: Position): number {
  return Math.hypot(a.xM - b.xM, a.yM - b.yM);
}

function checkArea(area: Area): void {
  if (!(area.widthM > 0) || !(area.heightM > 0)) {
    throw new RangeError(`area: expected positive widthM and heightM, got ${area.widthM} x `
      + `${area.heightM}`);
  }
}

/**
 * `count` positions drawn uniformly in `area`; with `centreWeight` in (0, 1], that share of them
 * is drawn instead from a normal around the centre (sigma a sixth of the smaller side), so a
 * city centre is denser than its outskirts.
 *
 * @example placeRandom(100, { widthM: 5000, heightM: 5000 }, createRng(1))
 */
export function placeRandom(
  count: number,
  area: Area,
  rng: UniformSource,
  centreWeight = 0,
): Position[] {
  checkArea(area);
  if (!Number.isInteger(count)
    || count < 0) throw new RangeError(`count: expected an integer >= 0, got ${count}`);
  const out: Position[] = [];
  const sigma = Math.min(area.widthM, area.heightM) / 6;
  for (let i = 0; i < count; i++) {
    if (centreWeight > 0 && rng.next() < centreWeight) {
      // Box-Muller pair, clamped to the area.
      const u = Math.max(rng.next(), 1e-12);
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u)) * sigma;
      const x = area.widthM / 2 + r * Math.cos(2 * Math.PI * v);
      const y = area.heightM / 2 + r * Math.sin(2 * Math.PI * v);
      out.push({ xM: clamp(x, 0, area.widthM), yM: clamp(y, 0, area.heightM) });
    } else {
      out.push({ xM: rng.next() * area.widthM, yM: rng.next() * area.heightM });
    }
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * `count` positions on the most square grid covering `area`, each moved at random by up to
 * `jitter` (a share of the cell size): how operators spread gateways over rooftops.
 */
export function placeGrid(count: number, area: Area, rng: UniformSource, jitter = 0.3): Position[] {
  checkArea(area);
  if (!Number.isInteger(count)
    || count < 0) throw new RangeError(`count: expected an integer >= 0, got ${count}`);
  const cols = Math.max(1, Math.round(Math.sqrt((count * area.widthM) / area.heightM)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const cw = area.widthM / cols;
  const ch = area.heightM / rows;
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const x = (c + 0.5) * cw + (rng.next() - 0.5) * 2 * jitter * cw;
    const y = (r + 0.5) * ch + (rng.next() - 0.5) * 2 * jitter * ch;
    out.push({ xM: clamp(x, 0, area.widthM), yM: clamp(y, 0, area.heightM) });
  }
  return out;
}

/** A placed item with an optional name, as read from a file. */
export interface NamedPosition extends Position {
  name?: string;
}

/**
 * Reads positions from CSV text with a header naming either `x_m,y_m` (metres) or `lat,lon`
 * (degrees, projected around their mean), and optionally `name`. Separators `,` or `;`.
 *
 * @throws {LoireError} `INVALID_VALUE` naming the line and column of a bad value
 * @example parsePositionsCsv('name,x_m,y_m\ngw1,100,200\n')
 */
export function parsePositionsCsv(text: string): NamedPosition[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new LoireError('TRUNCATED', 'positions CSV: no header line',
    { field: 'header' });
  const sep = lines[0]!.includes(';') ? ';' : ',';
  const header = lines[0]!.split(sep).map((h) => h.trim().toLowerCase());
  const col = (names: string[]): number => header.findIndex((h) => names.includes(h));
  const ix = col(['x_m', 'x']);
  const iy = col(['y_m', 'y']);
  const ilat = col(['lat', 'latitude']);
  const ilon = col(['lon', 'lng', 'longitude']);
  const iname = col(['name', 'id']);
  const metric = ix >= 0 && iy >= 0;
  if (!metric && !(ilat >= 0 && ilon >= 0)) {
    throw new LoireError('INVALID_VALUE', 'positions CSV: header needs x_m,y_m or lat,lon',
      { field: 'header' });
  }
  const raw: { a: number; b: number; name?: string }[] = [];
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n]!.split(sep).map((c) => c.trim());
    const num = (i: number, what: string): number => {
      const v = Number(cells[i]);
      if (cells[i] === undefined || cells[i] === '' || !Number.isFinite(v)) {
        throw new LoireError('INVALID_VALUE',
          `positions CSV line ${n + 1}: ${what} '${cells[i] ?? ''}' is not a number`,
            { field: what });
      }
      return v;
    };
    const entry = metric
      ? { a: num(ix, header[ix]!), b: num(iy, header[iy]!) }
      : { a: num(ilon, header[ilon]!), b: num(ilat, header[ilat]!) };
    raw.push(iname >= 0 && cells[iname] ? { ...entry, name: cells[iname] } : entry);
  }
  if (metric) return raw.map((r) => withName({ xM: r.a, yM: r.b }, r.name));
  return projectLonLat(raw.map((r) => ({ lon: r.a, lat: r.b, ...(r.name ? { name: r.name }
    : {}) })));
}

function withName(p: Position, name: string | undefined): NamedPosition {
  return name === undefined ? p : { ...p, name };
}

/**
 * Reads Point features (or a MultiPoint) from a GeoJSON FeatureCollection (RFC 7946: longitude
 * then latitude, WGS 84) and projects them to metres. A feature's `properties.name` is kept.
 *
 * @throws {LoireError} `INVALID_VALUE` naming the feature that is not a point
 */
export function parsePositionsGeoJson(json: unknown): NamedPosition[] {
  const root = json as { type?: string; features?: unknown[]; coordinates?: unknown };
  const points: { lon: number; lat: number; name?: string }[] = [];
  const take = (c: unknown, where: string, name?: string): void => {
    const a = c as number[];
    if (!Array.isArray(a) || typeof a[0] !== 'number' || typeof a[1] !== 'number'
      || Math.abs(a[1]) > 90 || Math.abs(a[0]) > 180) {
      throw new LoireError('INVALID_VALUE', `GeoJSON ${where}: expected [longitude, latitude]`,
        { field: where });
    }
    points.push(name === undefined ? { lon: a[0], lat: a[1] } : { lon: a[0], lat: a[1], name });
  };
  const geometry = (g: { type?: string; coordinates?: unknown } | null | undefined, where: string,
    name?: string): void => {
    if (g?.type === 'Point') take(g.coordinates, where, name);
    else if (g?.type === 'MultiPoint' && Array.isArray(g.coordinates)) {
      g.coordinates.forEach((c, i) => take(c, `${where}.coordinates[${i}]`, name));
    } else {
      throw new LoireError('INVALID_VALUE', `GeoJSON ${where}: expected a Point or MultiPoint`,
        { field: where });
    }
  };
  if (root?.type === 'FeatureCollection' && Array.isArray(root.features)) {
    root.features.forEach((f, i) => {
      const feature = f as { geometry?: { type?: string }; properties?: { name?: unknown } };
      const name = feature?.properties?.name;
      geometry(feature?.geometry, `features[${i}]`, typeof name === 'string' ? name : undefined);
    });
  } else if (root?.type === 'Feature') {
    geometry((root as { geometry?: { type?: string } }).geometry, 'feature');
  } else {
    geometry(root, 'root');
  }
  return projectLonLat(points);
}

/**
 * Projects longitudes and latitudes to metres with an equirectangular projection around their
 * bounding box (error under 0.1 % across a French department), the south-west corner at 0, 0.
 */
export function projectLonLat(
  points: { lon: number; lat: number; name?: string }[],
): NamedPosition[] {
  if (points.length === 0) return [];
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    minLon = Math.min(minLon, p.lon);
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
  }
  const earthM = 6_371_008.8; // mean Earth radius (IUGG)
  const k = (Math.PI / 180) * earthM;
  const cosLat = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  return points.map((p) => withName({ xM: (p.lon - minLon) * k * cosLat,
    yM: (p.lat - minLat) * k }, p.name));
}
