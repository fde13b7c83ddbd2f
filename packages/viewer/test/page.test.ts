/**
 * The page, driven in headless Chromium: a recorded session's timeline, the diff of two
 * recordings, bad input, the static export and live mode (a real query() writing its trace).
 * Screenshots go to the test's temp dir; AGENTSDK_UPDATE_SCREENSHOTS=1 writes the docs' copies.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { query } from '@agentsdk/core';
import { fakeCliPath } from '@agentsdk/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  diffTimelines,
  followTimeline,
  readTimeline,
  renderHtml,
  startViewer,
  ViewerError,
  type ViewData,
  type ViewerServer,
} from '../src/index.js';
import { closeBrowser, executablePath, liveChildren, openPage, type Opened } from './browser.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const docsImages = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const updateScreenshots = process.env['AGENTSDK_UPDATE_SCREENSHOTS'] === '1';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await closeBrowser();
  expect(liveChildren(), 'Chromium or a CLI outlived the tests').toEqual([]);
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentsdk-viewer-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(data: ViewData): Promise<{ server: ViewerServer; opened: Opened }> {
  const server = await startViewer(data);
  cleanups.push(() => server.close());
  const opened = await openPage(server.url, (url) => url.startsWith(server.url));
  cleanups.push(() => opened.page.close());
  return { server, opened };
}

async function screenshot(opened: Opened, name: string): Promise<void> {
  const path = join(tempDir(), name);
  await opened.page.screenshot({ path });
  expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  if (updateScreenshots) {
    mkdirSync(docsImages, { recursive: true });
    await opened.page.screenshot({
      path: join(docsImages, name),
      clip: { x: 0, y: 0, width: 1280, height: 720 },
    });
  }
}

describe.skipIf(!executablePath)('the viewer page in Chromium', () => {
  it('shows a recorded session: tools, a folded subagent, a denial, a hook, a retry, totals', async () => {
    const { server, opened } = await serve({
      mode: 'timeline',
      timeline: readTimeline(fixture('session.jsonl')),
    });
    const { page } = opened;
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(page.title()).resolves.toBe('session — agentsdk view');
    const stat = (name: string) =>
      page
        .locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
        .locator('dd');
    await expect(stat('turns').textContent()).resolves.toBe('2');
    await expect(stat('tool calls').textContent()).resolves.toBe('5');
    await expect(stat('cost').textContent()).resolves.toBe('$0.0377');
    await expect(stat('errors').textContent()).resolves.toBe('1');

    const tool = (name: string, detail: string) =>
      page.locator('.card.tool', {
        has: page.locator('.tool-head', { hasText: name }).filter({ hasText: detail }),
      });
    await expect(tool('Bash', 'ls').locator('.pill').textContent()).resolves.toBe('ok');
    await expect(tool('Bash', 'ls').locator('.preview').textContent()).resolves.toContain(
      'notes.txt',
    );
    await expect(tool('mcp__calc__add', '"a":2').locator('.preview').textContent()).resolves.toBe(
      '→ 5',
    );
    await expect(page.locator('.line.mcp .detail').first().textContent()).resolves.toBe('5');
    await expect(page.locator('.line.hook').textContent()).resolves.toContain(
      'additionalContext: Bash ran inside the project folder.',
    );
    // The denied call: its pill, its output, and the permission row under it.
    const rm = tool('Bash', 'rm -rf build');
    await expect(rm.locator('.pill').textContent()).resolves.toBe('denied');
    const permission = page.locator('.line.permission');
    await expect(permission.textContent()).resolves.toBe(
      'PermissionBashdeniedDeleting files is not allowed in this project.',
    );
    await screenshot(opened, 'viewer-timeline.png');

    // The subagent is folded under its Agent call until asked.
    await expect(page.locator('.card.tool .name', { hasText: /^Read$/ }).count()).resolves.toBe(0);
    const fold = tool('Agent', 'Review the notes').locator('.fold');
    await expect(fold.textContent()).resolves.toBe('▸ Show subagent (2 steps)');
    await fold.click();
    const read = tool('Read', 'notes.txt');
    await read.waitFor();
    await expect(read.locator('.preview').textContent()).resolves.toContain(
      'Shopping: apples, pears',
    );
    // Opening a call shows its input and output in full.
    await read.locator('.tool-head').click();
    await expect(read.locator('.section').nth(0).textContent()).resolves.toContain('"file_path"');

    // Turn 2: the API retry, the answer, the result.
    await page.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('.line.retry').textContent()).resolves.toBe(
      'API retryattempt 1 of 2 · HTTP 529overloaded — retry in 512 ms',
    );
    await expect(page.locator('.card.result').last().textContent()).resolves.toContain(
      'The sum was 5.',
    );
    expect(opened.errors).toEqual([]);
    expect(opened.foreign).toEqual([]);
  });

  it('shows two recordings that differ in one tool result side by side, the divergence marked', async () => {
    const diff = diffTimelines(
      readTimeline(fixture('session.jsonl')),
      readTimeline(fixture('session-changed.jsonl')),
    );
    const { opened } = await serve({ mode: 'diff', diff });
    const { page } = opened;
    await expect(page.locator('#divergence').textContent()).resolves.toBe(
      'First divergence: turn 1, step 7: the tool call differsmcp__calc__add → 5 vs mcp__calc__add → 6',
    );
    const first = page.locator('.pair.first-divergence');
    await expect(first.count()).resolves.toBe(1);
    await expect(first.locator('.side.left .section').nth(1).textContent()).resolves.toBe(
      'Output5',
    );
    await expect(first.locator('.side.right .section').nth(1).textContent()).resolves.toBe(
      'Output6',
    );
    // It is scrolled into view.
    const box = await first.boundingBox();
    expect(box && box.y > 0 && box.y < 900).toBe(true);
    // Steps before the divergence are the same on both sides.
    // Only the tool call and its MCP call differ (ids and timings in texts do not count).
    await expect(page.locator('.pair.differs').count()).resolves.toBe(2);
    const before = page.locator('.pair', { hasText: 'Now the sum, with the calculator.' });
    await expect(before.getAttribute('class')).resolves.not.toContain('differs');
    await screenshot(opened, 'viewer-divergence.png');
    expect(opened.errors).toEqual([]);
  });

  it('says what is wrong with bad input, on the page', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"format":"agentsdk-fixture","version":1}\nnot json at all\n');
    let data: ViewData | undefined;
    try {
      readTimeline(bad);
    } catch (error) {
      expect(ViewerError.is(error)).toBe(true);
      data = {
        mode: 'error',
        title: 'This file cannot be shown',
        message: (error as Error).message,
      };
    }
    const { opened } = await serve(data as ViewData);
    await expect(opened.page.locator('.error-page h1').textContent()).resolves.toBe(
      'This file cannot be shown',
    );
    await expect(opened.page.locator('.error-message').textContent()).resolves.toMatch(
      /bad\.jsonl:2 is not JSON .*"not json at all"/,
    );

    // A truncated file: the complete lines, and a warning naming the cut.
    const cut = join(dir, 'cut.jsonl');
    const text = readFileSync(fixture('session.jsonl'), 'utf8');
    writeFileSync(cut, text.slice(0, text.indexOf('"type":"result"') + 20));
    const truncated = await serve({ mode: 'timeline', timeline: readTimeline(cut) });
    await expect(truncated.opened.page.locator('.banner.warn').textContent()).resolves.toMatch(
      /cut\.jsonl ends in the middle of line \d+: the file is truncated/,
    );
    await expect(truncated.opened.page.locator('.card.tool').count()).resolves.toBeGreaterThan(3);
    expect(opened.errors).toEqual([]);
  });

  it('exports one self-contained file that loads nothing from the network', async () => {
    const out = join(tempDir(), 'report.html');
    writeFileSync(
      out,
      renderHtml({
        mode: 'timeline',
        timeline: readTimeline(fixture('transcript/e353039e-4a80-42d8-8f2d-8d1a16b7d7ae.jsonl')),
      }),
    );
    const url = pathToFileURL(out).href;
    const opened = await openPage(url, (u) => u === url);
    cleanups.push(() => opened.page.close());
    await expect(opened.page.locator('.badge').first().textContent()).resolves.toBe(
      'CLI transcript',
    );
    await expect(opened.page.locator('.card.tool').count()).resolves.toBeGreaterThanOrEqual(4);
    expect(opened.foreign).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it('follows a running query() through the trace option (live)', async () => {
    const dir = tempDir();
    const trace = join(dir, 'live.trace.jsonl');
    const server = await startViewer({
      mode: 'timeline',
      live: true,
      timeline: {
        source: { kind: 'trace', path: trace },
        session: {},
        turns: [],
        totals: {
          inputTokens: 0,
          outputTokens: 0,
          cacheReadTokens: 0,
          cacheCreationTokens: 0,
          costUsd: 0,
          messages: 0,
          toolCalls: 0,
          errors: 0,
        },
        warnings: [],
      },
    });
    cleanups.push(() => server.close());
    const follower = followTimeline(
      trace,
      (timeline) => server.update({ mode: 'timeline', live: true, timeline }),
      (error) => {
        throw error;
      },
    );
    cleanups.push(() => follower.close());
    const opened = await openPage(server.url, (url) => url.startsWith(server.url));
    cleanups.push(() => opened.page.close());
    const { page } = opened;
    await page.locator('.empty').waitFor();
    // A real subprocess (the fake CLI playing a recorded session) driven by query().
    const recorded = fileURLToPath(new URL('../../testing/fixtures/text.jsonl', import.meta.url));
    for await (const _ of query({
      prompt: 'Say hello',
      options: { cliPath: fakeCliPath, trace, env: { AGENTSDK_FIXTURE: recorded } },
    }));
    await page
      .locator('.card.assistant', { hasText: 'Hello! This is a plain text answer' })
      .waitFor();
    await page.locator('.card.result').waitFor();
    await expect(page.locator('#live').textContent()).resolves.toBe('● live');
    // Later lines appear as they are written.
    appendFileSync(
      trace,
      `${JSON.stringify({ seq: 99, t_ms: 5000, dir: 'sdk->cli', msg: { type: 'user', message: { role: 'user', content: 'And one more thing' }, parent_tool_use_id: null } })}\n`,
    );
    await page.locator('.card.user', { hasText: 'And one more thing' }).waitFor();
    expect(opened.errors).toEqual([]);
  });
});
