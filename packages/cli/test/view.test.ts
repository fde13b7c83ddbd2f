import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bins, repoDir, run, tempDir } from './helpers.js';

const fixtures = join(repoDir, 'packages', 'viewer', 'fixtures');

/** The view data embedded in a page the command wrote or served. */
function embedded(html: string): { mode: string; [key: string]: unknown } {
  const json = /<script id="agentsdk-data" type="application\/json">(.*?)<\/script>/s.exec(
    html,
  )?.[1];
  return JSON.parse(json ?? 'null') as { mode: string };
}

describe('agentsdk view', () => {
  it('--help prints usage; wrong arguments are usage errors', async () => {
    const help = await run(bins.agentsdk, ['view', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: agentsdk view <file>/);
    const none = await run(bins.agentsdk, ['view']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('agentsdk view: give one session file');
    const one = await run(bins.agentsdk, ['view', '--diff', 'a.jsonl']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('give two recordings to compare');
  });

  it('--out writes one self-contained report; --diff reports the first divergence', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const result = await run(bins.agentsdk, [
      'view',
      join(fixtures, 'session.jsonl'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!127\.0\.0\.1)/);
    expect(embedded(html)).toMatchObject({
      mode: 'timeline',
      timeline: { source: { name: 'session' } },
    });

    const diff = await run(bins.agentsdk, [
      'view',
      '--diff',
      join(fixtures, 'session.jsonl'),
      join(fixtures, 'session-changed.jsonl'),
      '--out',
      out,
    ]);
    expect(diff.code).toBe(0);
    expect(diff.stderr).toContain(
      'First divergence: turn 1, step 7: the tool call differs: mcp__calc__add → 5 vs mcp__calc__add → 6',
    );
    expect(embedded(readFileSync(out, 'utf8'))).toMatchObject({ mode: 'diff' });

    // A message kind the viewer does not know: a warning in the terminal, the step kept.
    const odd = join(dir, 'odd.jsonl');
    const header = readFileSync(join(fixtures, 'session.jsonl'), 'utf8').split('\n')[0];
    const teleport = { seq: 1, t_ms: 1, dir: 'cli->sdk', msg: { type: 'teleport', to: 'mars' } };
    writeFileSync(odd, `${header}\n${JSON.stringify(teleport)}\n`);
    const warned = await run(bins.agentsdk, ['view', odd, '--out', out]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(
      'warning line 2: unknown message kind "teleport" (shown as is).',
    );
    expect(JSON.stringify(embedded(readFileSync(out, 'utf8')))).toContain('"label":"teleport"');
  });

  it('serves bad input as an error page on 127.0.0.1 and says what is wrong in the terminal', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, 'this is not a session\n');
    const child = spawn(process.execPath, [bins.agentsdk, 'view', bad, '--no-open'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    const url = first.toString().trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await (await fetch(url)).text();
    expect(embedded(page)).toEqual({
      mode: 'error',
      title: 'This file cannot be shown',
      message: expect.stringMatching(/bad\.jsonl:1 is not JSON .*"this is not a session"/),
    });
    expect(stderr).toMatch(/^error .*bad\.jsonl:1 is not JSON/);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
  });

  it('--live follows a trace file and pushes each new state of the session to the page', async () => {
    const dir = tempDir();
    const trace = join(dir, 'agent.trace.jsonl');
    const child = spawn(process.execPath, [bins.agentsdk, 'view', '--live', trace, '--no-open'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [first] = (await once(child.stdout, 'data')) as [Buffer];
      const url = first.toString().trim();
      const events = await fetch(`${url}events`);
      const reader = (events.body as ReadableStream<Uint8Array>).getReader();
      // The session starts writing its trace only now.
      const lines = readFileSync(join(fixtures, 'session.jsonl'), 'utf8').split('\n');
      writeFileSync(trace, `${lines.slice(0, 3).join('\n')}\n`);
      let text = '';
      while (!text.includes('add 2 and 3')) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the event stream ended: ${text}`);
        text += new TextDecoder().decode(value);
      }
      expect(text).toMatch(
        /^: agentsdk view\n\nevent: timeline\ndata: \{"mode":"timeline","live":true/,
      );
      await reader.cancel();
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
