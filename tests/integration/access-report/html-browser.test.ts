/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core through `executablePath`; no browser download): the rows
 * are there after the script ran, the text filter and the role select
 * narrow them, a header click sorts, print media shows every row even when
 * filtered, the page reads with scripts off, the Content-Security-Policy
 * lets the inline style and script run, and no request of any kind leaves
 * the page. Skips with a message when no browser is found, except in CI
 * (`CI=true`), where that is a failure. A screenshot is written to
 * `$ACCESS_REPORT_SCREENSHOT` (default: the system temp folder).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/access-report/build-report.js';
import { withChanges } from '../../../src/access-report/diff-reports.js';
import { renderHtml } from '../../../src/access-report/render-html.js';
import type { AccessReport } from '../../../src/access-report/model.js';
import { reviewFixture } from '../../unit/access-report/fixture.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const inCi = process.env.CI === 'true';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (executablePath === undefined && !inCi) {
  console.warn(
    '\n*** HTML BROWSER TEST SKIPPED: no chromium found (apt-get install chromium, or set CHROMIUM_PATH)\n',
  );
}

let dir = '';
let file = '';
let report: AccessReport;
const contexts: BrowserContext[] = [];
let browser: Browser | undefined;

async function open(
  javaScriptEnabled = true,
): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  if (executablePath === undefined)
    throw new Error('no chromium found: apt-get install chromium (or set CHROMIUM_PATH)');
  // One browser for the file (a launch is most of a test's time); a fresh context per test.
  browser ??= await chromium.launch({ executablePath, headless: true, args: FLAGS });
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const requests: string[] = [];
  const problems: string[] = [];
  const documentUrl = pathToFileURL(file).href;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === documentUrl) await route.continue();
    else {
      requests.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== documentUrl) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(documentUrl);
  return { page, requests, problems };
}

async function visibleRows(page: Page): Promise<number> {
  return page.locator('#access-table tbody tr:visible').count();
}

async function columnTexts(page: Page, index: number): Promise<string[]> {
  return page.locator(`#access-table tbody tr:visible td:nth-child(${String(index)})`).allTextContents();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'access-report-html-'));
  const { live, declared, previous } = reviewFixture();
  const current = buildReport(live, declared, {
    generatedAt: '2026-12-07T02:00:00.000Z',
    endpoint: 'https://api.example.org',
  });
  report = withChanges(current, previous);
  file = path.join(dir, 'access-report.html');
  await writeFile(file, renderHtml(report));
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe.skipIf(executablePath === undefined && !inCi)(
  'the HTML report in headless Chromium',
  { timeout: 120_000 },
  () => {
    it('has every row after the script ran, filters, sorts, prints whole and makes no request', async () => {
      const { page, requests, problems } = await open();
      expect(await page.locator('html').getAttribute('class')).toContain('js');
      const total = report.rows.length;
      expect(total).toBeGreaterThan(10);
      expect(await visibleRows(page)).toBe(total);
      expect(await page.locator('#count').textContent()).toBe(`${String(total)} rows`);

      const shot =
        process.env.ACCESS_REPORT_SCREENSHOT ?? path.join(tmpdir(), 'access-report-screenshot.png');
      await page.screenshot({ path: shot, fullPage: false });

      // The text filter narrows to the rows that contain every word.
      await page.fill('#filter', 'ausgen');
      const ausgenRows = report.rows.filter((r) => r.workspace.includes('ausgen')).length;
      expect(await visibleRows(page)).toBe(ausgenRows);
      expect(ausgenRows).toBeLessThan(total);
      expect(await page.locator('#count').textContent()).toBe(
        `${String(ausgenRows)} of ${String(total)} rows`,
      );
      await page.fill('#filter', '');
      await page.selectOption('#role-filter', 'admin');
      expect(await visibleRows(page)).toBe(report.rows.filter((r) => r.role === 'admin').length);
      await page.selectOption('#role-filter', '');

      // A header click sorts by that column; a second click reverses it.
      await page.click('#access-table thead th:nth-child(3) button');
      const workspaces = await columnTexts(page, 3);
      expect(workspaces).toEqual([...workspaces].sort());
      expect(await page.getAttribute('#access-table thead th:nth-child(3)', 'aria-sort')).toBe('ascending');
      await page.click('#access-table thead th:nth-child(3) button');
      expect(await columnTexts(page, 3)).toEqual([...workspaces].sort().reverse());
      // Roles sort by strength, not by name.
      await page.click('#access-table thead th:nth-child(4) button');
      const roles = await columnTexts(page, 4);
      expect(roles[0]).toBe('owner');
      expect(roles.indexOf('admin')).toBeLessThan(roles.indexOf('view'));

      // Print media keeps every row, even with a filter on.
      await page.fill('#filter', 'no-such-person');
      expect(await visibleRows(page)).toBe(0);
      await page.emulateMedia({ media: 'print' });
      expect(await visibleRows(page)).toBe(total);
      expect(await page.locator('.controls').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('keeps the platform text as text: no injected element, script or attribute', async () => {
      const { page, requests } = await open();
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img, iframe, [onmouseover], [onerror]').count()).toBe(0);
      expect(await page.locator('#workspaces-table').textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(requests).toEqual([]);
    });

    it('reads with scripts off: every row, no controls', async () => {
      const { page, requests } = await open(false);
      expect(await visibleRows(page)).toBe(report.rows.length);
      expect(await page.locator('.controls').isVisible()).toBe(false);
      expect(await page.locator('#changes-table tbody tr').count()).toBe(report.changes.length);
      expect(requests).toEqual([]);
    });
  },
);
