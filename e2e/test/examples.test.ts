import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every example under examples/ runs offline (real CLI, scripted model) exactly as `pnpm start`
// runs it, and prints its key lines. Key lines only: never timings, ids or temporary paths.

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const RUN_TIMEOUT_MS = 45_000;
const START_FLAGS = ['--conditions=@agentsdk/source', '--import', 'tsx'];

interface Example {
  /** Folder under examples/. */
  dir: string;
  /** The script, relative to the folder (default: the `start` script's src/main.ts). */
  script?: string;
  /** Written to stdin, which is then closed (interactive examples read lines from it). */
  stdin?: string;
  /** Lines (or parts of lines) the output must contain, in this order. */
  expect: Array<string | RegExp>;
}

const examples: Example[] = [
  {
    dir: 'quick-start',
    expect: [
      'claude › Let me check which Node.js version this machine runs.',
      'tool   › Bash {"command":"node --version"',
      `output › ${process.version}`,
      'result › success, 2 turns',
    ],
  },
  {
    dir: 'quick-start',
    script: 'src/streaming-input.ts',
    expect: ['result › Hello, Ada! Nice to meet you.', 'result › Your name is Ada.'],
  },
  {
    dir: 'streaming-client',
    expect: [
      /connected › Claude Code \d+\.\d+\.\d+, \d+ commands/,
      'you    › Analyze the main.py file.',
      'claude › main.py defines two functions',
      'tool   › Edit',
      'claude › Added a docstring to add and to greet.',
      'claude › Starting the refactor',
      '(got the first message: interrupting)',
      '[cut off]',
      'result › error_during_execution',
      'claude › Nothing changed since the docstrings',
      'result › success, 1 turn',
    ],
  },
  {
    dir: 'terminal-chat',
    stdin: 'What is 2 + 2?\nhello there\nquit\nnever read\n',
    expect: [
      'you › What is 2 + 2?',
      'claude › 2 + 2 = 4.',
      '[turn $0.00014 · session $0.00014]',
      'you › hello there',
      'claude › (scripted model) You said: "hello there".',
      '[turn $0.00014 · session $0.00028]',
      'you › quit',
      'Bye. This chat cost $0.00028.',
    ],
  },
  {
    dir: 'terminal-chat',
    stdin: '', // nothing piped: the built-in conversation
    expect: [
      'you › What is 2 + 2?',
      'claude › 2 + 2 = 4.',
      'you › Now multiply that by 10',
      'claude › 4 × 10 = 40.',
      'Bye. This chat cost $0.00028.',
    ],
  },
  {
    dir: 'calculator-tools',
    expect: [
      'tool   › mcp__calc__add {"a":10,"b":5}',
      'output › 10 + 5 = 15',
      'output › 15 × 3 = 45',
      'claude › (10 + 5) × 3 = 45.',
      'error  › Error: Division by zero',
      'output › notes.md: 3 lines',
      'output › {"id":"A-1002","customer":"Linus","total":19.99,"status":"pending"}',
      'servers › calc: connected, workspace: connected',
    ],
  },
  {
    dir: 'calculator-tools',
    script: 'src/replay.ts',
    expect: [
      'direct › add(2, 3) → 2 + 3 = 5',
      'direct › add("two", 3) → isError true: Invalid arguments for tool "add":',
      /record › \d+ records in calc-add\.jsonl/,
      /replay › \d+ messages in \d+ ms: mcp__calc__add → \[{"type":"text","text":"2 \+ 3 = 5"}]/,
      'diverged › Replay diverged from the recording.',
      'expected: "2 + 3 = 5"',
      'actual:   "2 + 3 = 6"',
    ],
  },
  {
    dir: 'calculator-stdio',
    expect: [
      '--- calc over stdio',
      'mcp    › calc: connected',
      'output › 6 × 7 = 42',
      '--- calc over http',
      'mcp    › calc: connected',
      'output › 100 - 58 = 42',
    ],
  },
  {
    dir: 'permissions',
    expect: [
      /policy › allow Write, rewritten: file_path ".*\/report\.md" → ".*\/drafts\/report\.md"/,
      'policy › deny Read: Access denied: /etc/hostname is outside the tenant workspace',
      'policy › deny Bash: Access denied: the command reaches outside the workspace',
      'policy › deny Bash: Dangerous command blocked',
      'result › error_during_execution',
      'denied › Read, Bash, Bash',
      'drafts/report.md exists: true',
      'report.md exists: false',
      'sandbox › {"enabled":true,"autoAllowBashIfSandboxed":true',
    ],
  },
  {
    dir: 'hooks',
    expect: [
      'hook   › prompt "Check the disk, clear the cache, then run the health check." + context',
      'hook   › before Bash {"command":"echo \\"disk usage: 42%\\""',
      'output › disk usage: 42%',
      'error  › PreToolUse:Bash hook error: Blocked: "rm -rf" is not allowed',
      'output › CRITICAL: database unreachable',
      '[hook_stopped]',
    ],
  },
  {
    dir: 'structured-output',
    expect: [
      'simple › files: 3, has tests: true',
      'nested › 4 words, 19 characters: the quick brown fox',
      'enum   › framework: pytest, tests: 2',
    ],
  },
  {
    dir: 'sessions',
    expect: [
      'Noted: the word is kiwi.',
      'The word was kiwi.',
      'same session: true',
      'In this branch the word is mango.',
      'new session: true',
      'continued the fork: true',
      'Here the word is still kiwi',
      /stored {4}› [0-9a-f]{8}… Noted: the word is plum\./,
      /[1-9]\d* transcript lines in the store/,
      'The word was plum, restored from the store.',
      'same session: true',
    ],
  },
  {
    dir: 'limits-and-costs',
    expect: [
      'result › error_max_turns (Reached maximum number of turns (1))',
      'result › error_max_budget_usd',
      'budget › stopped at $',
      /turn {3}› \$0\.00014, 10 in \/ 5 out tokens/,
      'user   › user-free-001 spent $0.00028, $0.49972 left',
    ],
  },
  {
    dir: 'error-handling',
    expect: [
      'caught › CLINotFoundError (CLI_NOT_FOUND)',
      'caught › ProcessError, exit code 1: No conversation found',
      'result › is_error true, subtype success',
      'caught › ResultError, API status 401',
      'retry  › API 529; attempt 2',
      'retry  › API 529; attempt 3',
      'result › Third time lucky.',
      'warn   › CALLBACK_ERROR: The canUseTool callback failed: policy service unreachable',
      'error  › Permission check failed: policy service unreachable',
      'claude › I could not create audit.log',
      '--- 6. Abort',
      'claude › Working on it.',
      'caught › AbortError: The query was aborted.',
      'codes  › CLI_NOT_FOUND, not ours',
    ],
  },
  {
    dir: 'skills',
    expect: [
      'valid  › pdf-extractor: true',
      'found  › settingSources []: (none)',
      'found  › settingSources ["project"]: pdf-extractor',
      /skills › .*pdf-extractor/,
      'tool   › Skill {"skill":"pdf-extractor"}',
      'output › Launching skill: pdf-extractor',
    ],
  },
  {
    dir: 'subagents',
    expect: [
      'agents › code-reviewer, test-runner',
      'tool   › Agent {"subagent_type":"code-reviewer"',
      '  tool   › Read {"file_path":"auth.py"}',
      '  agent  › One issue: check_password compares hashes with ==',
      '  output › 2 passed in 0.01s',
      '  agent  › All tests pass: 2 passed.',
      'claude › Review: compare password hashes in constant time',
    ],
  },
  {
    dir: 'local-plugin',
    expect: [
      'plugin › release-tools: valid',
      /loaded › release-tools from .*release-tools/,
      'commands: release-tools:checklist',
      'skills:   release-tools:changelog',
      'agents:   release-tools:release-checker',
      'claude › [ ] tests green',
    ],
  },
  {
    dir: 'programmatic-skills',
    expect: [
      'active › Python Expert, Database Expert, General Guidelines',
      'hook   › guidelines for report.py',
      'claude › Rewrote the query with a bound parameter',
      'active › General Guidelines',
      'claude › Leaves drift down slow',
    ],
  },
  {
    dir: 'partial-streaming',
    expect: [
      'think  › The user wants the file count; one shell command is enough.',
      'claude › Let me count the files in this folder.',
      'tool   › Bash (input streaming…)',
      'tool   › Bash {"command":"ls -1 | wc -l"',
      'claude › This folder is empty',
      /deltas › [1-9]\d* text, [1-9]\d* thinking, [1-9]\d* tool input/,
    ],
  },
];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Processes of the run still alive after it exited (its process group, or its TMPDIR). */
  leftovers: string[];
}

/** Processes in process group `pgid`, or whose environment names `marker` (e.g. a private TMPDIR). */
function survivors(pgid: number, marker: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the ")" that ends the command name: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie waiting for its parent: not running
      const inGroup = Number(fields[2]) === pgid;
      const inRun = !inGroup && readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker);
      if (inGroup || inRun) {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
        found.push(`${entry} ${cmd.slice(0, 120)}`);
      }
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return found;
}

/** `pnpm start` of one example, offline: no API key, a private HOME and TMPDIR, stdin piped. */
async function run(example: Example): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), 'agentsdk-examples-test-'));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: tmp, NO_COLOR: '1' };
  for (const key of Object.keys(env))
    if (key.startsWith('ANTHROPIC_') || key.startsWith('CLAUDE_') || key === 'NODE_OPTIONS')
      delete env[key];

  // The `start` script's flags: `@agentsdk/source` loads our packages from src/, so an example
  // runs on a fresh clone right after install, with nothing built.
  const child = spawn(process.execPath, [...START_FLAGS, example.script ?? 'src/main.ts'], {
    cwd: join(EXAMPLES, example.dir),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group, so anything it leaves behind can be found
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {}); // an example that exits before reading all of stdin
  child.stdin.end(example.stdin ?? '');

  const pgid = child.pid as number;
  let timer: NodeJS.Timeout | undefined;
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (resolve, reject) => {
        timer = setTimeout(() => {
          try {
            process.kill(-pgid, 'SIGKILL');
          } catch {
            // already gone
          }
          reject(
            new Error(
              `${example.dir} did not finish in ${RUN_TIMEOUT_MS} ms.\n${stdout}\n${stderr}`,
            ),
          );
        }, RUN_TIMEOUT_MS);
        child.once('error', reject);
        child.once('close', (c, s) => resolve([c, s]));
      },
    );
    const leftovers = survivors(pgid, tmp);
    for (const line of leftovers) {
      try {
        process.kill(Number.parseInt(line, 10), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    return { code, signal, stdout, stderr, leftovers };
  } finally {
    clearTimeout(timer);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Check that each expected line occurs, in order. */
function expectInOrder(output: string, expected: Array<string | RegExp>): void {
  let from = 0;
  for (const want of expected) {
    const rest = output.slice(from);
    const match = typeof want === 'string' ? rest.indexOf(want) : rest.search(want);
    expect(
      match,
      `expected ${String(want)} after offset ${from} in:\n${output}`,
    ).toBeGreaterThanOrEqual(0);
    from += match + 1;
  }
}

describe('examples run offline', () => {
  it('every example folder is exercised', () => {
    const folders = readdirSync(EXAMPLES).filter(
      (name) => name !== 'shared' && existsSync(join(EXAMPLES, name, 'package.json')),
    );
    expect(new Set(examples.map((e) => e.dir))).toEqual(new Set(folders));
  });

  it('each `start` script is the command run here (no build step before it)', () => {
    for (const dir of new Set(examples.map((e) => e.dir))) {
      const pkg = JSON.parse(readFileSync(join(EXAMPLES, dir, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      };
      expect(pkg.scripts.start, dir).toBe(`node ${START_FLAGS.join(' ')} src/main.ts`);
    }
  });

  it.each(examples.map((e) => [`${e.dir}${e.script ? ` (${e.script})` : ''}`, e] as const))(
    '%s',
    async (_name, example) => {
      const result = await run(example);
      expect(result.stderr, 'stderr').not.toMatch(/Error|error:/);
      expect({ code: result.code, signal: result.signal }, result.stderr).toEqual({
        code: 0,
        signal: null,
      });
      expect(result.stdout).toMatch(
        /^\[offline\] No ANTHROPIC_API_KEY: the real Claude Code CLI talks to a scripted model at http:\/\/127\.0\.0\.1:\d+\.\n/,
      );
      // A script that does not fit the example shows up as the server's 400 answer.
      expect(result.stdout).not.toContain('script exhausted');
      expectInOrder(result.stdout, example.expect);
      expect(result.leftovers, 'a process outlived its example').toEqual([]);
    },
  );
});
