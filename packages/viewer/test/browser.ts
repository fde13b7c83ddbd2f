import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Headless Chromium for the page tests: CHROMIUM_PATH, else Debian's. Launched like the
 * platform's chat page test (no sandbox, no GPU, no background networking).
 */
export const executablePath =
  process.env['CHROMIUM_PATH'] ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );

if (!executablePath) {
  const howTo = "install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH";
  if (process.env['CI']) throw new Error(`[viewer page tests] no Chromium found; ${howTo}`);
  console.warn(`[viewer page tests] skipped: no Chromium found; ${howTo}.`);
}

export interface Opened {
  page: Page;
  /** Uncaught exceptions of the page's script. */
  errors: Error[];
  /** Every request the page made that is not `allowed` (the page must load nothing else). */
  foreign: string[];
}

let browser: Browser | undefined;

export async function openPage(url: string, allowed: (url: string) => boolean): Promise<Opened> {
  browser ??= await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(30_000);
  const opened: Opened = { page, errors: [], foreign: [] };
  page.on('pageerror', (error) => opened.errors.push(error));
  await page.route('**/*', async (route) => {
    const target = route.request().url();
    if (allowed(target)) return route.continue();
    opened.foreign.push(target);
    return route.abort();
  });
  await page.goto(url);
  return opened;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** Child processes of this test process that are still alive. */
export function liveChildren(): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    return [];
  }
  return out
    .split('\n')
    .filter((line) => line.trim() && !/\bps -o\b/.test(line))
    .map((line) => Number.parseInt(line.trim(), 10));
}
