import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { bridgeScript, SANDBOX_MODEL_HOST } from './bridgeScript.js';
import { SandboxError } from './SandboxError.js';
import type { SandboxProvider } from './SandboxProvider.js';

/** System files a shell, the CLI and common tools read; nothing else of `/etc` is visible. */
const ETC_FILES = [
  '/etc/alternatives',
  '/etc/ca-certificates',
  '/etc/ssl',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/localtime',
  '/etc/nsswitch.conf',
  '/etc/passwd',
  '/etc/group',
  '/etc/bash.bashrc',
  '/etc/profile',
  '/etc/inputrc',
  '/etc/mime.types',
];

/** `/usr` read-only, with the merged-/usr links a Debian system expects. */
const SYSTEM_MOUNTS = [
  ...['--ro-bind', '/usr', '/usr'],
  ...['--symlink', 'usr/bin', '/bin'],
  ...['--symlink', 'usr/sbin', '/sbin'],
  ...['--symlink', 'usr/lib', '/lib'],
  ...['--symlink', 'usr/lib64', '/lib64'],
];

export interface BubblewrapOptions {
  /** The `bwrap` executable (default: `bwrap` on PATH). */
  bwrap?: string;
  /** Extra read-only host paths every sandbox sees (e.g. a toolchain outside `/usr`). */
  readOnly?: readonly string[];
}

/**
 * Each CLI in its own bubblewrap sandbox: new user, PID, network, IPC, UTS and cgroup
 * namespaces, no capabilities, a private `/proc`, `/dev` and `/tmp`, read-only `/usr`, and only
 * the session's folders bound. The network namespace has nothing but loopback, where
 * `bridgeScript` forwards the model API (and the egress proxy, when allowed) to host Unix
 * sockets. `--die-with-parent` ties the sandbox to the server: when the server dies, even by
 * SIGKILL, the kernel kills the sandbox's PID 1 and so every process in it.
 */
export function bubblewrapSandbox(options: BubblewrapOptions = {}): SandboxProvider {
  const bwrap = options.bwrap ?? 'bwrap';
  let checked: Promise<void> | undefined;
  return {
    name: 'bubblewrap',
    isolates: true,
    check() {
      checked ??= probe(bwrap);
      return checked;
    },
    wrap(spec, command, args) {
      const bind = (flag: string, path: string) => [flag, path, path];
      const argv = [
        '--unshare-all',
        '--unshare-user',
        '--disable-userns',
        '--die-with-parent',
        '--new-session',
        '--cap-drop',
        'ALL',
        '--hostname',
        'sandbox',
        ...SYSTEM_MOUNTS,
        ...ETC_FILES.filter((path) => existsSync(path)).flatMap((path) => bind('--ro-bind', path)),
        '--proc',
        '/proc',
        '--dev',
        '/dev',
        '--tmpfs',
        '/tmp',
        '--tmpfs',
        '/run',
        ...[...(options.readOnly ?? []), ...spec.readOnly].flatMap((path) =>
          bind('--ro-bind', path),
        ),
        ...bind('--bind', spec.socketDir),
        ...bind('--bind', spec.home),
        ...bind('--bind', spec.tmp),
        ...bind('--bind', spec.workspace),
        '--chdir',
        spec.workspace,
        '--',
        '/bin/bash',
        '-c',
        bridgeScript(spec.socketDir, spec.modelPort, spec.egressPort),
        'sandbox-init',
        command,
        ...args,
      ];
      return { command: bwrap, args: argv };
    },
    modelBaseUrl: (spec) => `http://${SANDBOX_MODEL_HOST}:${spec.modelPort}`,
    egressProxyUrl: (spec) =>
      spec.egressPort === undefined ? undefined : `http://127.0.0.1:${spec.egressPort}`,
  };
}

/** Starts one throw-away sandbox that checks for socat: fails early, with the fix, at server start. */
async function probe(bwrap: string): Promise<void> {
  try {
    await promisify(execFile)(bwrap, [
      '--unshare-all',
      '--die-with-parent',
      ...SYSTEM_MOUNTS,
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--',
      '/bin/sh',
      '-c',
      'command -v socat',
    ]);
  } catch (error) {
    throw new SandboxError(
      'sandbox_unavailable',
      `Cannot start a bubblewrap sandbox with socat (${(error as Error).message.split('\n')[0]}). Install both (Debian: apt-get install bubblewrap socat) and allow unprivileged user namespaces, or set PLATFORM_SANDBOX=unsafe-none for local development only.`,
      { cause: error },
    );
  }
}
