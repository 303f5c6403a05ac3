/**
 * The HTML report of a small real run, opened in Debian's Chromium (headless, driven by
 * playwright-core): no console errors, no network request, and the SVG charts rendered with
 * a size. The screenshot is kept in .tmp/ for a person to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../simulator/report/html.js';
import { ROOT } from '../vectors.js';
import { group, simulate, tinyScenario } from './_scenario.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('HTML report', () => {
  const { report } = simulate(tinyScenario({ gateways: 4, widthM: 6000, groups: [
    group(60, 30, 'loire/water-meter', 'water-profile', 'water'),
    group(20, 10, 'loire/lighting', 'lighting-status', 'light'),
    group(10, 10, 'loire/air-quality', 'air-measurement', 'air'),
  ] }), { hours: 3 });
  const html = renderHtmlReport(report);

  it('is self-contained: no script, no external stylesheet, image or font', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain('<svg');
  });

  it.skipIf(!existsSync(CHROMIUM))('opens in headless Chromium without errors and shows its charts',
    async () => {
      const dir = resolve(ROOT, '.tmp');
      mkdirSync(dir, { recursive: true });
      const file = resolve(dir, 'report-test.html');
      writeFileSync(file, html);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      try {
        const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) requests.push(r.url());
        });
        await page.goto(`file://${file}`);
        // Evaluated in the page (a string, as the test's TypeScript has no DOM types).
        const charts = (await page.evaluate(`Array.from(document.querySelectorAll('svg.chart'))
          .map((s) => {
            const r = s.getBoundingClientRect();
            return { id: s.id, width: r.width, height: r.height,
              marks: s.querySelectorAll('circle, rect.bar, polyline.series, path').length };
          })`)) as { id: string; width: number; height: number; marks: number }[];
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        expect(charts.map((c) => c.id)).toEqual(['chart-map', 'chart-sf', 'chart-airtime',
          'chart-gateways']);
        for (const c of charts) {
          expect(c.width).toBeGreaterThan(300);
          expect(c.height).toBeGreaterThan(100);
          expect(c.marks).toBeGreaterThan(0);
        }
        // The map shows every device and every gateway.
        expect(charts[0]!.marks).toBe(90 + 4);
        const png = await page.screenshot({ fullPage: true, path: resolve(dir,
          'report-test.png') });
        // A PNG of a full page with charts: IHDR width and height, and far more than a blank page.
        expect(png.readUInt32BE(16)).toBe(1000);
        expect(png.readUInt32BE(20)).toBeGreaterThan(1500);
        expect(png.length).toBeGreaterThan(50_000);
      } finally {
        await browser.close();
      }
    });
});
