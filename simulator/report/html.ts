/**
 * The self-contained HTML report of a run: summary tables and inline SVG charts (a map of
 * gateways and devices coloured by delivery ratio, delivery ratio by spreading factor, airtime
 * per sub-band over time, gateway load) and a sample of decoded readings per category. No
 * script, no stylesheet or font from the network: the file opens offline.
 */
import { percentDown } from './percent.js';
import type { SimulationReport } from '../scenario/summary.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;');
}

const num = (x: number): string => Math.round(x).toLocaleString('en-GB');
const fix = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : '0');

/** A colour from red (0) through amber to green (1) for a delivery ratio. */
export function pdrColour(pdr: number): string {
  const p = Math.max(0, Math.min(1, pdr));
  const hue = Math.round(p * 120);
  return `hsl(${hue},70%,42%)`;
}

function mapSvg(r: SimulationReport): string {
  const W = 640;
  const { widthM, heightM } = r.area;
  const H = Math.max(120, Math.round((W * heightM) / widthM));
  const sx = W / widthM;
  const sy = H / heightM;
  const parts: string[] = [];
  parts.push(`<svg class="chart" id="chart-map" role="img" aria-label="Map of gateways and devices"`
    + ` viewBox="0 0 ${W} ${H + 18}" width="${W}" height="${H + 18}"`
    + ' xmlns="http://www.w3.org/2000/svg">');
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#f4f6f8" stroke="#ccd"/>`);
  for (const d of r.devicePoints) {
    const fill = d.uplinks === 0 ? '#999' : pdrColour(d.delivered / d.uplinks);
    parts.push(`<circle cx="${fix(d.xM * sx)}" cy="${fix(H - d.yM * sy)}" r="1.6" `
      + `fill="${fill}"/>`);
  }
  for (const g of r.summary.gatewayLoad) {
    const x = g.xM * sx;
    const y = H - g.yM * sy;
    parts.push(`<path d="M${fix(x)} ${fix(y - 6)}L${fix(x + 5)} ${fix(y + 4)}L${fix(x - 5)} `
      + `${fix(y + 4)}Z"`
      + ` fill="#1f3b73" stroke="#fff" stroke-width="1"><title>${escapeHtml(g.id)}: `
      + `${g.received} packets</title></path>`);
  }
  const km = widthM / 1000;
  // The legend goes under the map, not over its dots.
  parts.push(`<text x="2" y="${H + 14}" font-size="11" fill="#333">${fix(km, 0)} km wide`
    + ` · ▲ gateway · ● device (red 0 % → green 100 % delivered)</text>`);
  parts.push('</svg>');
  return parts.join('');
}

interface Bar {
  label: string;
  value: number;
  title: string;
  colour?: string;
}

function barChart(id: string, label: string, bars: Bar[], max: number,
  unit: (v: number) => string): string {
  const W = 640;
  const H = 240;
  const left = 48;
  const bottom = 36;
  const plotW = W - left - 10;
  const plotH = H - bottom - 14;
  const bw = bars.length > 0 ? plotW / bars.length : plotW;
  const out: string[] = [];
  out.push(`<svg class="chart" id="${id}" role="img" aria-label="${escapeHtml(label)}"`
    + ` viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">`);
  for (let i = 0; i <= 4; i++) {
    const y = 14 + plotH - (plotH * i) / 4;
    out.push(`<line x1="${left}" x2="${W - 10}" y1="${fix(y)}" y2="${fix(y)}" stroke="#e3e6ea"/>`);
    out.push(`<text x="${left - 4}" y="${fix(y + 4)}" font-size="10" text-anchor="end" fill="#555">`
      + `${escapeHtml(unit((max * i) / 4))}</text>`);
  }
  bars.forEach((b, i) => {
    const h = max > 0 ? (plotH * Math.min(b.value, max)) / max : 0;
    const x = left + i * bw + bw * 0.12;
    out.push(`<rect class="bar" x="${fix(x)}" y="${fix(14 + plotH - h)}" width="${fix(bw * 0.76)}"`
      + ` height="${fix(Math.max(h, 0.5))}" fill="${b.colour ?? '#3a6ea5'}">`
      + `<title>${escapeHtml(b.title)}</title></rect>`);
    if (bars.length <= 24) {
      out.push(`<text x="${fix(x + bw * 0.38)}" y="${H - bottom + 14}" font-size="10"`
        + ` text-anchor="middle" fill="#333">${escapeHtml(b.label)}</text>`);
    }
  });
  out.push(`<text x="${left}" y="${H - 4}" font-size="11" fill="#333">${escapeHtml(label)}</text>`);
  out.push('</svg>');
  return out.join('');
}

const SERIES = ['#3a6ea5', '#c0504d', '#9bbb59', '#8064a2', '#f79646', '#4bacc6'];

function airtimeChart(r: SimulationReport): string {
  const W = 640;
  const H = 240;
  const left = 52;
  const bottom = 40;
  const plotW = W - left - 10;
  const plotH = H - bottom - 14;
  const series = r.summary.airtimeBySubBand.filter((s) => s.airtimeMs > 0);
  const hours = Math.max(1, ...series.map((s) => s.hourlyMs.length));
  const maxS = Math.max(1e-9, ...series.flatMap((s) => s.hourlyMs)) / 1000;
  const out: string[] = [];
  out.push(`<svg class="chart" id="chart-airtime" role="img" aria-label="Airtime per sub-band `
    + `per hour"`
    + ` viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">`);
  for (let i = 0; i <= 4; i++) {
    const y = 14 + plotH - (plotH * i) / 4;
    out.push(`<line x1="${left}" x2="${W - 10}" y1="${fix(y)}" y2="${fix(y)}" stroke="#e3e6ea"/>`);
    out.push(`<text x="${left - 4}" y="${fix(y + 4)}" font-size="10" text-anchor="end" fill="#555">`
      + `${fix((maxS * i) / 4, 0)} s</text>`);
  }
  series.forEach((s, k) => {
    const pts = s.hourlyMs.map((v, h) => {
      const x = left + (hours <= 1 ? plotW / 2 : (plotW * h) / (hours - 1));
      const y = 14 + plotH - (plotH * v) / 1000 / maxS;
      return `${fix(x)},${fix(y)}`;
    });
    const colour = SERIES[k % SERIES.length]!;
    out.push(`<polyline class="series" points="${pts.join(' ')}" fill="none" stroke="${colour}"`
      + ` stroke-width="2"><title>${escapeHtml(s.subBand)}</title></polyline>`);
    out.push(`<text x="${left + 4 + k * 150}" y="${H - 20}" font-size="10" fill="${colour}">`
      + `■ ${escapeHtml(s.subBand)}</text>`);
  });
  out.push(`<text x="${left}" y="${H - 4}" font-size="11" fill="#333">Device airtime per simulated`
    + ` hour (0 to ${hours} h)</text>`);
  out.push('</svg>');
  return out.join('');
}

function table(head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const cell = (c: string | number): string => `<td>${escapeHtml(String(c))}</td>`;
  const tr = rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`);
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr.join('')}</tbody></table>`;
}

/**
 * Renders the report.
 *
 * @param report the run's summary and drawing data
 * @returns a complete HTML document
 * @example writeFileSync('report.html', renderHtmlReport(result.report))
 */
export function renderHtmlReport(report: SimulationReport): string {
  const s = report.summary;
  const drs = Object.keys(s.byDataRate).map(Number).sort((a, b) => a - b);
  const sfBars: Bar[] = drs.map((dr) => {
    const c = s.byDataRate[dr]!;
    const sf = dr <= 5 ? `SF${12 - dr}` : `DR${dr}`;
    return { label: sf, value: c.pdr, colour: pdrColour(c.pdr),
      title: `DR${dr} (${sf}): ${c.delivered}/${c.uplinks} = ${percentDown(c.pdr)}` };
  });
  const loads = [...s.gatewayLoad].sort((a, b) => b.received - a.received);
  const shown = loads.slice(0, 60);
  const loadBars: Bar[] = shown.map((g) => ({ label: g.id.slice(-4), value: g.received,
    title: `${g.id}: ${g.received} received, ${g.downlinks} downlinks` }));
  const maxLoad = Math.max(1, ...shown.map((g) => g.received));

  const samples = Object.entries(report.samples).map(([cat, list]) => {
    const rows = list.map((x) => [x.device, x.codec, `${fix(x.timeMs / 3_600_000, 2)} h`, x.fPort,
      JSON.stringify(x.harmonised ?? x.data)]);
    const head = ['device', 'codec', 'time', 'FPort', 'reading'];
    return `<h3>${escapeHtml(cat)}</h3>${table(head, rows)}`;
  }).join('');

  const categories = Object.entries(s.byCategory).map(([k, c]) =>
    [k, c.devices, c.uplinks, c.delivered, percentDown(c.pdr)]);
  const css = [
    'body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:980px}',
    'table{border-collapse:collapse;margin:8px 0 16px}',
    'td,th{border:1px solid #d5d9de;padding:3px 8px;text-align:left;font-size:13px}',
    'th{background:#eef1f4}h1{font-size:22px}h2{margin-top:28px}',
    'td:last-child{max-width:520px;overflow-wrap:anywhere}',
    '.kpi{display:inline-block;margin:0 18px 8px 0}.kpi b{display:block;font-size:22px}',
    'svg.chart{display:block;margin:8px 0;max-width:100%;height:auto}',
  ].join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>loire simulation: ${escapeHtml(s.scenario)}</title>
<style>${css}</style></head><body>
<h1>loire simulation: ${escapeHtml(s.scenario)}</h1>
<p>Seed ${s.seed}, ${s.hours} simulated hours, ${num(s.devices)} devices,
${num(s.gateways)} gateways, run in ${fix(s.elapsedMs / 1000, 1)} s.</p>
<div>
<span class="kpi"><b>${num(s.uplinks)}</b>uplinks attempted</span>
<span class="kpi"><b>${num(s.delivered)}</b>delivered</span>
<span class="kpi"><b>${percentDown(s.pdr)}</b>delivery ratio</span>
<span class="kpi"><b>${num(s.collisions)}</b>collisions</span>
<span class="kpi"><b>${num(s.dutyCycleViolations)}</b>duty-cycle violations</span>
</div>
<h2>Map</h2>${mapSvg(report)}
<h2>Delivery ratio by spreading factor</h2>${barChart('chart-sf', 'Delivery ratio by data rate',
  sfBars, 1,
    (v) => `${Math.round(v * 100)}%`)}
${table(['DR', 'uplinks', 'delivered', 'ratio'], drs.map((dr) => {
    const c = s.byDataRate[dr]!;
    return [`DR${dr}`, c.uplinks, c.delivered, percentDown(c.pdr)];
  }))}
<h2>Delivery by category</h2>${table(['category', 'devices', 'uplinks', 'delivered', 'ratio'],
  categories)}
<h2>Airtime per sub-band over time</h2>${airtimeChart(report)}
${table(['sub-band', 'duty cycle', 'airtime'], s.airtimeBySubBand.map((b) =>
    [b.subBand, percentDown(b.dutyCycle), `${fix(b.airtimeMs / 1000, 1)} s`]))}
<h2>Gateway load</h2>${barChart('chart-gateways', loads.length > shown.length
    ? `Packets received, busiest ${shown.length} of ${loads.length} gateways`
    : 'Packets received per gateway', loadBars, maxLoad, (v) => num(v))}
${table(['losses', 'count'], [['out of range', s.lost.outOfRange], ['collision', s.lost.collision],
    ['demodulators busy', s.lost.demodulators], ['gateway transmitting', s.lost.halfDuplex],
    ['duplicates merged', s.duplicatesMerged], ['MIC refused', s.refused.mic],
    ['replays refused', s.refused.replay]])}
<h2>Network</h2>${table(['item', 'count'], [['Join-Requests', s.joins.requests],
    ['joins accepted', s.joins.accepted], ['DevNonce reuse refused', s.joins.devNonceRefused],
    ['devices never joined', s.joins.neverJoined],
    ['downlinks sent', s.downlinks.sent], ['in RX1', s.downlinks.rx1], ['in RX2', s.downlinks.rx2],
    ['refused by gateway duty cycle', s.downlinks.refusedDutyCycle], ['ACKs', s.downlinks.acks],
    ['LinkADRReq', s.downlinks.linkAdrReq], ['received by devices', s.downlinks.receivedByDevices],
    ['duty-cycle deferrals', s.dutyCycleDeferrals]])}
<h2>Decoded readings (sample)</h2>${samples}
</body></html>
`;
}
