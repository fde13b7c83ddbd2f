/**
 * The tool template end to end: scaffold it, install it from tarballs of our packages (npm, the
 * registry for third-party packages; `overrides` so our unpublished packages never reach the registry), then its own build and tests, its stdio server under a real
 * MCP client, and `agentsdk serve` / `agentsdk replay --tools` against its build. One install.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/index.js';
import { bins, packWorkspace, pinOverrides, run, sh, tempDir } from './helpers.js';

let project: string;

beforeAll(async () => {
  const tarballs = await packWorkspace(tempDir('agentsdk-packs-'));
  const cwd = tempDir();
  const result = await scaffold({
    template: 'tool',
    name: 'hello-tool',
    cwd,
    install: false,
    git: false,
    packageManager: 'npm',
    dependencies: tarballs,
  });
  project = result.directory;
  pinOverrides(project, tarballs);
  const installed = await sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error'],
    project,
  );
  expect(installed.code, installed.stderr).toBe(0);
}, 300_000);

describe('the generated tool project', () => {
  it('builds and its unit and replay tests pass, without edits', async () => {
    const built = await sh('npm', ['run', 'build'], project);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const tested = await sh('npm', ['test'], project, { NO_COLOR: '1' });
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/Test Files\s+4 passed/);
    expect(tested.stdout).toMatch(/Tests\s+6 passed/);
  }, 120_000);

  it('serves the tool, the resource and the prompt over stdio to a real MCP client', async () => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(project, 'dist', 'server.js')],
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['greet']);
      expect(client.getServerVersion()).toMatchObject({ name: 'hello-tool', version: '0.1.0' });
      expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toMatchObject({
        content: [{ type: 'text', text: 'Hello, Ada!' }],
      });
      await expectResourceAndPrompt(client);
    } finally {
      await client.close();
    }
  }, 30_000);

  it('agentsdk serve <module> serves all three over stdio and over --http', async () => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [bins.agentsdk, 'serve', 'dist/index.js'],
        cwd: project,
        stderr: 'pipe',
      }),
    );
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['greet']);
    await expectResourceAndPrompt(client);
    await client.close();

    const child = spawn(
      process.execPath,
      [bins.agentsdk, 'serve', 'dist/index.js', '--http', '0'],
      { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /^(http:\/\/127\.0\.0\.1:\d+\/mcp)\n/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${String(code)}`)));
      });
      const http = new Client({ name: 'test', version: '1.0.0' });
      await http.connect(new StreamableHTTPClientTransport(new URL(url)));
      expect(await http.callTool({ name: 'greet', arguments: { name: 'Ada' } })).toMatchObject({
        content: [{ type: 'text', text: 'Hello, Ada!' }],
      });
      await expectResourceAndPrompt(http);
      await http.close();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 30_000);

  it('agentsdk replay --tools re-runs the bundled fixture against the build', async () => {
    const result = await run(
      bins.agentsdk,
      ['replay', 'test/fixtures/greet.jsonl', '--tools', 'dist/index.js'],
      { cwd: project },
    );
    expect(result.stderr).toContain('The tools answered as recorded.');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[tool_use] mcp__tools__greet {"name":"Ada"}');
    expect(result.stdout).toContain('[tool_result] Hello, Ada!');
  }, 30_000);
});

/** The template's resource and prompt, as any MCP client sees them. */
async function expectResourceAndPrompt(client: Client): Promise<void> {
  expect((await client.listResources()).resources).toMatchObject([
    { name: 'phrases', uri: 'greet://phrases' },
  ]);
  expect(await client.readResource({ uri: 'greet://phrases' })).toMatchObject({
    contents: [{ uri: 'greet://phrases', text: 'Hello\nWelcome\nGood to see you' }],
  });
  expect((await client.listPrompts()).prompts).toMatchObject([
    { name: 'welcome', arguments: [{ name: 'name', required: true }] },
  ]);
  expect(await client.getPrompt({ name: 'welcome', arguments: { name: 'Ada' } })).toMatchObject({
    messages: [{ role: 'user', content: { type: 'text', text: expect.stringContaining('Ada') } }],
  });
}
