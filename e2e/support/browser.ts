import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './server.js';

/** Debian's Chromium: no browser downloads are possible on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const screenshotDir = path.join(repoRoot, 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

export interface PhonePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page: a journey should end with none. */
  readonly pageErrors: string[];
}

/** A 390×844 phone (touch, mobile viewport) in US English and the given time zone. */
export function newPhonePage(browser: Browser, timezoneId: string): Promise<PhonePage> {
  return newPage(browser, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    timezoneId,
  });
}

/** The smallest common phone: 360 px wide (touch, mobile viewport), `height` px tall. */
export function newSmallPhonePage(
  browser: Browser,
  timezoneId: string,
  height: number,
): Promise<PhonePage> {
  return newPage(browser, {
    viewport: { width: 360, height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    timezoneId,
  });
}

/** A 1280×800 desktop browser (mouse, no touch) in US English and the given time zone. */
export function newDesktopPage(browser: Browser, timezoneId: string): Promise<PhonePage> {
  return newPage(browser, { viewport: { width: 1280, height: 800 }, timezoneId });
}

/** After a test: close every page opened for it and fail on any uncaught error in them. */
export async function closePages(
  opened: { readonly context: BrowserContext; readonly pageErrors: readonly string[] }[],
): Promise<void> {
  const errors = opened.flatMap((c) => c.pageErrors);
  await Promise.all(opened.map((c) => c.context.close()));
  opened.length = 0;
  expect(errors, 'uncaught errors in the pages').toEqual([]);
}

async function newPage(
  browser: Browser,
  options: NonNullable<Parameters<Browser['newContext']>[0]>,
): Promise<PhonePage> {
  const context = await browser.newContext({
    locale: 'en-US',
    reducedMotion: 'reduce',
    ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(`${error.name}: ${error.message}`);
  });
  return { context, page, pageErrors };
}

/**
 * Run axe on the page as it is now and fail on serious or critical violations, listing each rule
 * and the elements it found. Minor and moderate findings are printed, not failed.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n` +
    v.nodes
      .map(
        (n) =>
          `      at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      )
      .join('\n');
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) {
    console.warn(
      `axe (${label}): ${other.length} minor/moderate finding(s)\n${other.map(describe).join('\n')}`,
    );
  }
  if (blocking.length > 0) {
    throw new Error(
      `Accessibility violations on "${label}" (${page.url()}):\n${blocking.map(describe).join('\n')}`,
    );
  }
}

/** Full-page PNG at test-artifacts/screenshots/<name>.png (git-ignored). */
export async function snap(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // From the top, so the sticky header is drawn at the top of the image. Fixed elements (the tab
  // bar) still appear where the first screenful ends: an artefact of full-page captures.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Time zones without daylight saving, by UTC offset in hours. */
const FIXED_ZONES: readonly (readonly [number, string])[] = [
  [-10, 'Pacific/Honolulu'],
  [-7, 'America/Phoenix'],
  [-5, 'America/Bogota'],
  [-3, 'America/Sao_Paulo'],
  [-1, 'Atlantic/Cape_Verde'],
  [0, 'Africa/Abidjan'],
  [1, 'Africa/Lagos'],
  [2, 'Africa/Johannesburg'],
  [3, 'Europe/Istanbul'],
  [4, 'Asia/Dubai'],
  [5, 'Asia/Karachi'],
  [6, 'Asia/Dhaka'],
  [7, 'Asia/Bangkok'],
  [8, 'Asia/Singapore'],
  [9, 'Asia/Tokyo'],
  [10, 'Australia/Brisbane'],
  [11, 'Pacific/Noumea'],
  [12, 'Pacific/Tarawa'],
];

/**
 * A real time zone where it is early afternoon right now (local 11:00–15:00), so a dose
 * scheduled for 08:00 is earlier today and a whole test stays on one local day.
 */
export function afternoonTimeZone(now = new Date()): string {
  const utcHours = now.getUTCHours() + now.getUTCMinutes() / 60;
  let best = FIXED_ZONES[0]!;
  let bestDistance = Infinity;
  for (const zone of FIXED_ZONES) {
    const local = (((utcHours + zone[0]) % 24) + 24) % 24;
    const distance = Math.abs(local - 13);
    if (distance < bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  return best[1];
}

/** Today's date "YYYY-MM-DD" in a time zone. */
export function localDate(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
