import {
  cliVersion,
  compareVersions,
  MIN_CLI_VERSION,
  TESTED_CLI_VERSION,
} from '../cli/cliVersion.js';
import { discoverCli, type CliCommand } from '../cli/discoverCli.js';
import { CLINotFoundError } from '../errors/CLINotFoundError.js';
import type { ClaudeAgentOptions, SDKWarning } from '../options/ClaudeAgentOptions.js';
import { resolveUser } from './resolveUser.js';
import { defaultWarn } from '../options/defaultWarn.js';
import { buildArgs } from './buildArgs.js';
import { PrivateFiles } from './PrivateFiles.js';
import { buildEnv } from './buildEnv.js';
import { SubprocessTransport } from './SubprocessTransport.js';

/**
 * The transport `query()` uses by default, built from options: finds the CLI, maps options to
 * flags and env. Exposed so wrappers (recorders, tracers) can sit around the real thing.
 */
export function createSubprocessTransport(options: ClaudeAgentOptions = {}): SubprocessTransport {
  const warn: (warning: SDKWarning) => void = options.onWarning ?? defaultWarn;
  const cwd = options.cwd ?? process.cwd();
  const env = buildEnv(options.env);
  if (options.enableFileCheckpointing) env.CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING = 'true';
  // The CLI reads its built-in tools' configuration from its environment.
  const previewFormat = options.toolConfig?.askUserQuestion?.previewFormat;
  if (previewFormat) env.CLAUDE_CODE_QUESTION_PREVIEW_FORMAT = previewFormat;
  const spawn = options.spawnClaudeCodeProcess;
  const cli = spawn
    ? remoteCli(options, cwd, env)
    : discoverCli({ cliPath: options.cliPath, cwd, env });
  // In the background: a slow `--version` must not delay the session, and an old CLI only warns.
  // CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK (as in the Python SDK) spares the extra process. A CLI
  // started by `spawnClaudeCodeProcess` may not run here at all.
  if (!spawn && !env['CLAUDE_AGENT_SDK_SKIP_VERSION_CHECK']) {
    void cliVersion(cli).then((version) => {
      if (version && compareVersions(version, MIN_CLI_VERSION) < 0) {
        warn({
          code: 'CLI_VERSION',
          message: `Claude Code CLI ${version} at ${cli.path} is older than ${MIN_CLI_VERSION}, the oldest this SDK supports (it is tested with ${TESTED_CLI_VERSION}). Some features may not work; update with \`npm i -D @anthropic-ai/claude-code@latest\`.`,
        });
      }
    });
  }
  const { command, prefixArgs } = runtimeFor(cli, options, warn);
  const user = options.user !== undefined ? resolveUser(options.user) : undefined;
  // Temp files exist only on this machine; a custom spawner's CLI gets the JSON inline.
  const files = spawn ? undefined : new PrivateFiles();
  return new SubprocessTransport({
    command,
    args: [...prefixArgs, ...buildArgs(options, files)],
    ...(files ? { files } : {}),
    cwd,
    env,
    ...(user ?? {}),
    ...(spawn ? { spawn } : {}),
    ...(options.stderr ? { onStderr: options.stderr } : {}),
    ...(options.shutdownGraceMs !== undefined ? { shutdownGraceMs: options.shutdownGraceMs } : {}),
    ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
    ...(options.pipeGraceMs !== undefined ? { pipeGraceMs: options.pipeGraceMs } : {}),
  });
}

/**
 * The CLI for `spawnClaudeCodeProcess`: `cliPath` as given (it names a file where the CLI runs,
 * which need not exist here), else the one discovery finds here, else `claude` on the PATH there.
 */
function remoteCli(
  options: ClaudeAgentOptions,
  cwd: string,
  env: Record<string, string>,
): CliCommand {
  const given = options.cliPath;
  if (given !== undefined) {
    const isJs = /\.(c|m)?js$/.test(given);
    return {
      command: isJs ? 'node' : given,
      prefixArgs: isJs ? [given] : [],
      path: given,
      source: 'option',
    };
  }
  try {
    return discoverCli({ cwd, env });
  } catch (error) {
    if (!(error instanceof CLINotFoundError)) throw error;
    return { command: 'claude', prefixArgs: [], path: 'claude', source: 'path' };
  }
}

/** A JavaScript CLI runs on `executable` (default: this Node) with `executableArgs` first. */
function runtimeFor(
  cli: CliCommand,
  options: ClaudeAgentOptions,
  warn: (warning: SDKWarning) => void,
): { command: string; prefixArgs: string[] } {
  const isJs = cli.prefixArgs.length > 0;
  if (!isJs) {
    if (options.executable !== undefined || options.executableArgs?.length) {
      warn({
        code: 'CONFIG',
        message: `executable/executableArgs only apply to a JavaScript CLI; ${cli.path} is a native binary, so they are ignored.`,
      });
    }
    return { command: cli.command, prefixArgs: [] };
  }
  const executable = options.executable;
  const command = executable === undefined || executable === 'node' ? cli.command : executable;
  return { command, prefixArgs: [...(options.executableArgs ?? []), ...cli.prefixArgs] };
}
