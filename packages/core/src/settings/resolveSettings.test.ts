import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentSDKError } from '../errors/AgentSDKError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { SettingsParseError } from '../errors/SettingsParseError.js';
import { filterEscalatingDefaultMode } from './filterEscalatingDefaultMode.js';
import { resolveSettings } from './resolveSettings.js';

let root: string;
let cwd: string;
let configDir: string;
let managedSettingsDir: string;

function write(path: string, value: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'agentsdk-settings-'));
  cwd = join(root, 'project');
  configDir = join(root, 'config');
  managedSettingsDir = join(root, 'managed');
  mkdirSync(cwd, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const resolve = (extra: Parameters<typeof resolveSettings>[0] = {}) =>
  resolveSettings({ cwd, configDir, managedSettingsDir, ...extra });

describe('resolveSettings', () => {
  it('takes a "__proto__" key in a settings file as nothing, at any depth', async () => {
    write(
      join(cwd, '.claude', 'settings.json'),
      '{"model":"m","__proto__":{"permissions":{"allow":["Bash"]}},' +
        '"permissions":{"__proto__":{"defaultMode":"bypassPermissions"},"deny":["Read"]}}',
    );
    const r = await resolve();
    expect(r.effective).toEqual({ model: 'm', permissions: { deny: ['Read'] } });
    expect(Object.getPrototypeOf(r.effective)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(r.effective.permissions)).toBe(Object.prototype);
    expect(
      (r.effective as { permissions?: { allow?: unknown } }).permissions?.allow,
    ).toBeUndefined();
    expect(r.effective.permissions?.defaultMode).toBeUndefined();
    expect(Object.getPrototypeOf(r.provenance)).toBe(Object.prototype);
    expect(Object.keys(r.provenance).sort()).toEqual(['model', 'permissions']);
  });

  it('merges user < project < local < flag < managed, with provenance per key', async () => {
    const user = write(join(configDir, 'settings.json'), {
      model: 'user-model',
      env: { A: 'u', B: 'u' },
      permissions: { allow: ['Read'], deny: ['WebFetch'] },
      cleanupPeriodDays: 10,
    });
    const project = write(join(cwd, '.claude', 'settings.json'), {
      model: 'project-model',
      env: { B: 'p' },
      permissions: { allow: ['Bash(npm run *)', 'Read'] },
    });
    const local = write(join(cwd, '.claude', 'settings.local.json'), { outputStyle: 'terse' });
    const managed = write(join(managedSettingsDir, 'managed-settings.json'), {
      permissions: { deny: ['Bash(rm *)'] },
    });
    const r = await resolve({ flagSettings: { model: 'flag-model' } });
    expect(r.effective).toEqual({
      model: 'flag-model',
      env: { A: 'u', B: 'p' },
      permissions: { allow: ['Read', 'Bash(npm run *)'], deny: ['WebFetch', 'Bash(rm *)'] },
      cleanupPeriodDays: 10,
      outputStyle: 'terse',
    });
    expect(r.sources.map((s) => [s.source, s.path])).toEqual([
      ['user', user],
      ['project', project],
      ['local', local],
      ['flag', undefined],
      ['managed', managed],
    ]);
    expect(r.provenance.model).toEqual({ source: 'flag' });
    expect(r.provenance.cleanupPeriodDays).toEqual({ source: 'user', path: user });
    expect(r.provenance.permissions).toEqual({
      source: 'managed',
      path: managed,
      policyOrigin: 'file',
    });
    expect(r.errors).toEqual([]);
  });

  it('reads only the listed sources, and CLAUDE_CONFIG_DIR for user settings', async () => {
    write(join(configDir, 'settings.json'), { model: 'from-config-dir' });
    write(join(cwd, '.claude', 'settings.json'), { model: 'project' });
    expect((await resolve({ settingSources: ['user'] })).effective).toEqual({
      model: 'from-config-dir',
    });
    expect((await resolve({ settingSources: [] })).sources).toEqual([]);
    const before = process.env.CLAUDE_CONFIG_DIR;
    process.env.CLAUDE_CONFIG_DIR = configDir;
    try {
      const r = await resolveSettings({ cwd, managedSettingsDir, settingSources: ['user'] });
      expect(r.effective.model).toBe('from-config-dir');
    } finally {
      if (before === undefined) delete process.env.CLAUDE_CONFIG_DIR;
      else process.env.CLAUDE_CONFIG_DIR = before;
    }
  });

  it('throws a typed SettingsParseError naming the file, or skips it like the CLI', async () => {
    write(join(configDir, 'settings.json'), { model: 'ok' });
    const bad = write(join(cwd, '.claude', 'settings.local.json'), '{ "permissions": // no\n }');
    const error = await resolve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsParseError);
    expect(AgentSDKError.is(error) && error.code).toBe('SETTINGS_PARSE');
    expect((error as SettingsParseError).path).toBe(bad);
    expect((error as Error).message).toContain('not valid JSON');

    const skipped = await resolve({ invalidFiles: 'skip' });
    expect(skipped.effective).toEqual({ model: 'ok' });
    expect(skipped.errors).toEqual([
      { file: bad, path: '', message: expect.stringContaining(bad) as string },
    ]);

    write(bad, '[1, 2]');
    await expect(resolve()).rejects.toThrow(/not a JSON object/);
  });

  it('merges managed-settings.d drop-ins in name order over the base file', async () => {
    write(join(managedSettingsDir, 'managed-settings.json'), { model: 'base', env: { X: '1' } });
    write(join(managedSettingsDir, 'managed-settings.d', '20-b.json'), { model: 'b' });
    write(join(managedSettingsDir, 'managed-settings.d', '10-a.json'), {
      model: 'a',
      env: { Y: '2' },
    });
    write(join(managedSettingsDir, 'managed-settings.d', 'notes.txt'), 'ignored');
    const r = await resolve({ settingSources: [] });
    expect(r.effective).toEqual({ model: 'b', env: { X: '1', Y: '2' } });
  });

  it('takes the first policy source that has anything: remote, files, then the host’s (filtered)', async () => {
    const managedSettings = {
      model: 'dropped',
      cleanupPeriodDays: 1,
      allowManagedHooksOnly: true,
      permissions: { allow: ['Bash'], deny: ['Bash(curl *)'] },
      sandbox: { enabled: true, filesystem: { allowWrite: ['/'], denyRead: ['~/.ssh'] } },
    };
    const parent = await resolve({ settingSources: [], managedSettings });
    expect(parent.sources).toEqual([
      {
        source: 'managed',
        policyOrigin: 'parent',
        settings: {
          allowManagedHooksOnly: true,
          permissions: { deny: ['Bash(curl *)'] },
          sandbox: { enabled: true, filesystem: { denyRead: ['~/.ssh'] } },
        },
      },
    ]);
    write(join(managedSettingsDir, 'managed-settings.json'), { model: 'file' });
    expect((await resolve({ settingSources: [], managedSettings })).effective).toEqual({
      model: 'file',
    });
    const remote = await resolve({
      settingSources: [],
      managedSettings,
      serverManagedSettings: { model: 'remote' },
    });
    expect(remote.effective).toEqual({ model: 'remote' });
    expect(remote.provenance.model).toEqual({ source: 'managed', policyOrigin: 'remote' });
  });
});

describe('bad input', () => {
  it('is a typed InvalidArgumentError naming the option, before any file is read', async () => {
    await expect(resolve({ cwd: 42 as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('cwd') as string,
    });
    await expect(resolve({ settingSources: ['users' as never] })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(resolve({ managedSettings: [] as never })).rejects.toThrow(/managedSettings/);
    await expect(resolve({ invalidFiles: 'ignore' as never })).rejects.toThrow(/invalidFiles/);
    expect(() => filterEscalatingDefaultMode({} as never)).toThrow(InvalidArgumentError);
  });
});

describe('filterEscalatingDefaultMode', () => {
  it('drops an escalating mode set by the project file; the next source decides', async () => {
    write(join(configDir, 'settings.json'), { permissions: { defaultMode: 'plan' } });
    write(join(cwd, '.claude', 'settings.json'), {
      permissions: { defaultMode: 'bypassPermissions', allow: ['Read'] },
    });
    const r = await resolve();
    expect(r.effective.permissions?.defaultMode).toBe('bypassPermissions');
    const filtered = filterEscalatingDefaultMode(r);
    expect(filtered.permissions).toEqual({ allow: ['Read'], defaultMode: 'plan' });
    expect(r.effective.permissions?.defaultMode).toBe('bypassPermissions'); // unchanged

    write(join(configDir, 'settings.json'), {});
    expect(filterEscalatingDefaultMode(await resolve()).permissions).toEqual({ allow: ['Read'] });
  });

  it('keeps a mode from a trusted source, and a non-escalating project mode', async () => {
    write(join(cwd, '.claude', 'settings.local.json'), {
      permissions: { defaultMode: 'acceptEdits' },
    });
    const local = await resolve();
    expect(filterEscalatingDefaultMode(local)).toBe(local.effective);
    write(join(cwd, '.claude', 'settings.local.json'), {});
    write(join(cwd, '.claude', 'settings.json'), { permissions: { defaultMode: 'plan' } });
    expect(filterEscalatingDefaultMode(await resolve()).permissions?.defaultMode).toBe('plan');
  });
});
