import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside } from './isInside.js';
import { createPathPolicy, decideToolUse, pathLikeTokens } from './pathPolicy.js';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'path-policy-')));
const acme = join(root, 'acme');
const evil = join(root, 'acme-evil');
for (const dir of [acme, evil, join(acme, 'sub')]) mkdirSync(dir, { recursive: true });
writeFileSync(join(evil, 'secret.txt'), 'x');
symlinkSync(evil, join(acme, 'link-out'));
symlinkSync(join(evil, 'secret.txt'), join(acme, 'file-link'));
symlinkSync(join(acme, 'sub'), join(acme, 'link-in'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const decide = (tool: string, input: Record<string, unknown>, blockedPath?: string) =>
  decideToolUse({ workspace: acme }, tool, input, blockedPath).allowed;

describe('isInside', () => {
  it('compares path components, not string prefixes (the guide bug)', () => {
    expect(`${evil}/x`.startsWith(acme)).toBe(true); // what the guide's check would accept
    expect(isInside(acme, join(evil, 'x'))).toBe(false);
    expect(isInside(acme, acme)).toBe(true);
    expect(isInside(acme, join(acme, 'a', 'b'))).toBe(true);
    expect(isInside(acme, root)).toBe(false);
    expect(isInside(acme, join(acme, '..foo'))).toBe(true); // a file named "..foo" is inside
  });
});

describe('path policy', () => {
  it('allows relative and absolute paths inside the workspace, existing or not', () => {
    expect(decide('Read', { file_path: 'notes.txt' })).toBe(true);
    expect(decide('Write', { file_path: join(acme, 'sub', 'new', 'deep.txt') })).toBe(true);
    expect(decide('Glob', { pattern: '**/*.ts' })).toBe(true);
    expect(decide('Read', { file_path: 'link-in/x.txt' })).toBe(true); // a symlink that stays inside
  });

  it('denies .. escapes, including into a sibling with the same prefix', () => {
    expect(decide('Read', { file_path: '../acme-evil/secret.txt' })).toBe(false);
    expect(decide('Read', { file_path: 'sub/../../acme-evil/secret.txt' })).toBe(false);
    expect(decide('Write', { file_path: join(acme, '..', 'acme-evil', 'new.txt') })).toBe(false);
    expect(decide('Grep', { pattern: 'x', path: '/' })).toBe(false);
    expect(decide('Read', { file_path: '/etc/passwd' })).toBe(false);
  });

  it('denies symlink escapes (to a directory, to a file, and new files under a symlinked dir)', () => {
    expect(decide('Read', { file_path: 'link-out/secret.txt' })).toBe(false);
    expect(decide('Read', { file_path: 'file-link' })).toBe(false);
    expect(decide('Write', { file_path: 'link-out/new-dir/new.txt' })).toBe(false);
  });

  it('checks path-like tokens of Bash commands and the CLI blockedPath', () => {
    expect(pathLikeTokens('cat ../x; ls -la /etc && echo hi')).toEqual(['../x', '/etc']);
    expect(decide('Bash', { command: 'touch ok.txt' })).toBe(true);
    expect(decide('Bash', { command: 'cat ../acme-evil/secret.txt' })).toBe(false);
    expect(decide('Bash', { command: 'cat link-out/secret.txt' })).toBe(false);
    expect(decide('Bash', { command: 'cat ~/.ssh/id_rsa' })).toBe(false);
    expect(decide('Bash', { command: 'ls' }, join(evil, 'secret.txt'))).toBe(false);
  });

  it('denies network tools', () => {
    expect(decide('WebFetch', { url: 'https://example.com' })).toBe(false);
  });

  it('as canUseTool: allow carries the input, deny carries the reason', async () => {
    const policy = createPathPolicy({ workspace: acme });
    const ctx = { signal: new AbortController().signal, suggestions: [], toolUseId: 't', raw: {} };
    expect(await policy('Read', { file_path: 'a.txt' }, ctx)).toEqual({
      behavior: 'allow',
      updatedInput: { file_path: 'a.txt' },
    });
    const denied = await policy('Read', { file_path: '../acme-evil/secret.txt' }, ctx);
    expect(denied.behavior).toBe('deny');
    expect(denied.behavior === 'deny' && denied.message).toMatch(/outside this workspace/);
  });
});
