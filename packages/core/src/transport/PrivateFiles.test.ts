import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrivateFiles } from './PrivateFiles.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('PrivateFiles', () => {
  it('writes nothing until materialized, then 0600 files in a new 0700 directory, removed after', () => {
    const files = new PrivateFiles();
    const path = files.add('mcp-config', '{"mcpServers":{}}');
    expect(existsSync(path)).toBe(false);
    files.materialize();
    expect(readFileSync(path, 'utf8')).toBe('{"mcpServers":{}}');
    expect(mode(path)).toBe(0o600);
    expect(mode(dirname(path))).toBe(0o700);
    files.remove();
    expect(existsSync(dirname(path))).toBe(false);
    files.remove(); // idempotent
  });

  it('creates no directory when there is nothing to write', () => {
    const files = new PrivateFiles();
    files.materialize();
    expect(existsSync(files.dir)).toBe(false);
    files.remove();
  });

  it('gives each instance its own directory', () => {
    const a = new PrivateFiles().add('settings', '{}');
    const b = new PrivateFiles().add('settings', '{}');
    expect(dirname(a)).not.toBe(dirname(b));
  });
});
