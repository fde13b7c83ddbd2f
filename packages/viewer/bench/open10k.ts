/// <reference lib="dom" />
/**
 * Benchmark (reported, not asserted): a 10,000-message recording — the recorded session of
 * fixtures/session.jsonl repeated, ids made unique — read, rendered and opened in headless
 * Chromium; then scrolled from top to bottom.
 *
 *   ./scripts/pnpm --filter @agentsdk/viewer build && ./scripts/pnpm --filter @agentsdk/viewer bench
 *
 * Writes bench/results.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readTimeline, renderHtml, startViewer } from '../src/index.js';

const MESSAGES = 10_000;
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The session repeated until it has MESSAGES records, every id unique per copy. */
function bigFixture(): string {
  const [header, ...records] = readFileSync(here('../fixtures/session.jsonl'), 'utf8')
    .trimEnd()
    .split('\n');
  const body = records.filter((r) => !r.includes('"dir":"meta"'));
  const lines = [header as string];
  const span = 6000;
  for (let copy = 0; lines.length <= MESSAGES; copy++) {
    for (const line of body) {
      if (lines.length > MESSAGES) break;
      const record = JSON.parse(
        line.replace(/(toolu_\w+|req_\w+|"request_id":"[\w-]+)/g, `$1_${copy}`),
      ) as {
        seq: number;
        t_ms: number;
      };
      record.seq = lines.length;
      record.t_ms += copy * span;
      lines.push(JSON.stringify(record));
    }
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'agentsdk-viewer-bench-'));
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
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
  try {
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, bigFixture());
    const runs: Array<{
      parse: number;
      render: number;
      inPage: number;
      open: number;
      total: number;
      scrollFrame: number;
    }> = [];
    let rows = 0;
    let bytes = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const timeline = readTimeline(file);
      const t1 = performance.now();
      const html = renderHtml({ mode: 'timeline', timeline });
      bytes = html.length;
      const t2 = performance.now();
      const server = await startViewer({ mode: 'timeline', timeline });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const t3 = performance.now();
      await page.goto(server.url);
      await page.locator('.card.user').first().waitFor();
      const t4 = performance.now();
      rows = await page.evaluate(() => document.querySelectorAll('.vl-row').length);
      const inPage = await page.evaluate(
        () => performance.getEntriesByName('agentsdk-view-drawn')[0]?.startTime ?? NaN,
      );
      // Scroll the whole list in 60 steps, one frame each: the median frame is what scrolling costs.
      const frames = await page.evaluate(async () => {
        const scroller = document.querySelector('.scroller') as HTMLElement;
        const times: number[] = [];
        for (let i = 1; i <= 60; i++) {
          const start = performance.now();
          scroller.scrollTop = (scroller.scrollHeight * i) / 60;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          times.push(performance.now() - start);
        }
        return times;
      });
      await page.close();
      await server.close();
      runs.push({
        parse: t1 - t0,
        render: t2 - t1,
        inPage,
        open: t4 - t3,
        total: t4 - t0 - (t3 - t2),
        scrollFrame: median(frames),
      });
    }
    const timeline = readTimeline(file);
    const m = (key: keyof (typeof runs)[number]): string =>
      `${median(runs.map((r) => r[key])).toFixed(0)} ms`;
    const report = [
      '# Viewer benchmark: a 10,000-message recording',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), Node ${process.version}, Chromium headless, load average ${loadavg()[0]?.toFixed(1)} (a machine shared with other jobs); median of ${runs.length} runs. Reported, not asserted.`,
      '',
      `The recording: ${MESSAGES} records (${timeline.turns.length} turns, ${timeline.totals.toolCalls} tool calls); the page: ${(bytes / 1024 / 1024).toFixed(1)} MiB with the data inline; ${rows} rows in the DOM after opening (virtual list).`,
      '',
      '| step | median |',
      '| --- | --- |',
      `| read and parse the file (readTimeline) | ${m('parse')} |`,
      `| render the HTML (renderHtml) | ${m('render')} |`,
      `| in the page: navigation start to the first rows drawn | ${m('inPage')} |`,
      `| open in Chromium until the first rows show (seen from the test) | ${m('open')} |`,
      `| **file to first rows, total** | **${m('total')}** |`,
      `| one scroll step (scrollTop change to the next frame) | ${m('scrollFrame')} |`,
      '',
    ].join('\n');
    writeFileSync(here('./results.md'), report);
    process.stdout.write(report);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
