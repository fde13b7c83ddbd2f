import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SDKWarning } from '../options/ClaudeAgentOptions.js';
import { createSubprocessTransport } from './createSubprocessTransport.js';

describe('createSubprocessTransport', () => {
  it('warns (and only warns) when the CLI is older than the minimum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-old-cli-'));
    const cli = join(dir, 'claude');
    writeFileSync(cli, '#!/bin/sh\necho "1.9.0 (Claude Code)"\n');
    chmodSync(cli, 0o755);
    const warning = await new Promise<SDKWarning>((resolve) => {
      const transport = createSubprocessTransport({ cliPath: cli, onWarning: resolve });
      expect(transport.writable).toBe(false); // built, not started: the probe does not block
    });
    expect(warning.code).toBe('CLI_VERSION');
    expect(warning.message).toContain('1.9.0');
    expect(warning.message).toContain('2.0.0');
    expect(warning.message).toContain('tested with 2.1.331');
  });

  it('runs no version probe when CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-skip-check-'));
    const cli = join(dir, 'claude');
    writeFileSync(cli, '#!/bin/sh\necho "1.9.0 (Claude Code)"\n');
    chmodSync(cli, 0o755);
    const skipped: SDKWarning[] = [];
    createSubprocessTransport({
      cliPath: cli,
      env: { CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK: '1' },
      onWarning: (w) => skipped.push(w),
    });
    // The probe is cached per CLI path: had the first transport probed, its warning would be
    // delivered before this one's.
    const warning = await new Promise<SDKWarning>((resolve) =>
      createSubprocessTransport({ cliPath: cli, onWarning: resolve }),
    );
    expect(warning.code).toBe('CLI_VERSION');
    expect(skipped).toEqual([]);
  });

  it('hands the MCP config to the CLI in a private file, removed when the process exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-files-'));
    const out = join(dir, 'seen.txt');
    const cli = join(dir, 'claude');
    // A stand-in CLI: reports the file after --mcp-config (path, mode, content) and exits.
    writeFileSync(
      cli,
      `#!/bin/sh
while [ $# -gt 0 ]; do
  if [ "$1" = "--mcp-config" ]; then
    { echo "$2"; stat -c %a "$2"; cat "$2"; } > ${JSON.stringify(out)}
  fi
  shift
done
`,
    );
    chmodSync(cli, 0o755);
    const transport = createSubprocessTransport({
      cliPath: cli,
      env: { CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK: '1' },
      mcpServers: {
        api: { type: 'http', url: 'https://x', headers: { authorization: 'Bearer s3cret' } },
      },
    });
    const exited = new Promise<void>((resolve) =>
      transport.start({ message() {}, noise() {}, error() {}, exit: () => resolve() }),
    );
    await exited;
    const [path, mode, content] = readFileSync(out, 'utf8').split('\n');
    expect(mode).toBe('600');
    expect(JSON.parse(content!)).toEqual({
      mcpServers: {
        api: { type: 'http', url: 'https://x', headers: { authorization: 'Bearer s3cret' } },
      },
    });
    expect(existsSync(dirname(path!))).toBe(false);
  });
});
