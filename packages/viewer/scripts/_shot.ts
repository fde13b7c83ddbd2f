import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { readTimeline, renderHtml, diffTimelines } from '../src/index.js';
const t = readTimeline(process.argv[2]!);
const data = process.argv[3]
  ? { mode: 'diff' as const, diff: diffTimelines(t, readTimeline(process.argv[3])) }
  : { mode: 'timeline' as const, timeline: t };
writeFileSync('/tmp/wt20-view.html', renderHtml(data));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e));
page.on('console', (m) => console.log('console', m.text()));
await page.goto('file:///tmp/wt20-view.html');
for (const sel of (process.argv[4] ?? '').split(',').filter(Boolean)) await page.click(sel);
await page.screenshot({ path: '/tmp/wt20-shot.png' });
await browser.close();
