/* eslint-disable @typescript-eslint/no-explicit-any -- API responses and recorded requests are loosely typed JSON */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createModelServer, type ModelServer, type ModelTurn } from '@agentsdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { api, liveChildren, realCli, SECRET, spawnPlatform } from './helpers.js';

/**
 * A hostile tenant, through the model: the scripted model asks for tool calls that try every
 * escape class we know of. The platform runs as its README starts it (its own process, its
 * secrets in its env, the real CLI in the bubblewrap sandbox). Each case asserts on what came
 * back to the model (the tool result) and, at the end, on the file system: nothing of another
 * tenant, of the server or of its secrets, ever.
 */

const canary = (name: string) => `${name}-${randomBytes(8).toString('hex')}`;
const VICTIM_FILE = canary('victim-file');
const VICTIM_CHAT = canary('victim-chat');
const SERVER_ENV = canary('server-env');
const REAL_KEY = `sk-ant-api03-${canary('real-key')}`;
const CANARIES = { VICTIM_FILE, VICTIM_CHAT, SERVER_ENV, REAL_KEY, JWT: SECRET };

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** A path the guard cannot see: decoded only when the shell runs. */
const hidden = (path: string) => `"$(echo ${b64(path)} | base64 -d)"`;

let dataDir: string;
let model: ModelServer;
let server: Awaited<ReturnType<typeof spawnPlatform>>;
let victimWorkspace: string;
let attackerWorkspace: string;
let attackerToken: string;
let attackerSession: string;
/** A host on the egress allowlist of tenant `gamma` (only): a local HTTP server. */
let allowed: Server;
let allowedPort: number;

interface Case {
  name: string;
  tool: string;
  input: Record<string, unknown>;
  /** Extra evidence that the call really ran and met the boundary (not only "no canary"). */
  shows?: RegExp;
}

type Batch = Case[];

let nextId = 0;
const results = new Map<string, string>();

/** Runs a batch as one assistant turn of parallel tool calls; collects each tool result. */
async function runBatch(batch: Batch, after: ModelTurn[] = []): Promise<void> {
  const ids = batch.map(() => `toolu_attack_${String(++nextId).padStart(3, '0')}`);
  model.push(
    {
      content: batch.map((c, i) => ({
        type: 'tool_use',
        id: ids[i]!,
        name: c.tool,
        input: c.input,
      })),
    } as ModelTurn,
    { content: [{ type: 'text', text: 'Batch done.' }] },
    ...after,
  );
  const chat = await api(
    server.url,
    attackerToken,
    'POST',
    `/api/sessions/${attackerSession}/chat`,
    {
      message: 'Run the batch.',
    },
  );
  expect(chat.status, JSON.stringify(chat.body)).toBe(200);
  const blocks = model.requests.flatMap((r: any) =>
    (r.body?.messages ?? []).flatMap((m: any) => (Array.isArray(m.content) ? m.content : [])),
  );
  batch.forEach((c, i) => {
    const block = blocks.find((b: any) => b.type === 'tool_result' && b.tool_use_id === ids[i]);
    expect(
      block,
      `no tool result for ${c.name}; the turn: ${JSON.stringify(chat.body)}`,
    ).toBeDefined();
    results.set(c.name, JSON.stringify(block.content));
  });
}

function expectClean(c: Case): void {
  const text = results.get(c.name);
  if (process.env['ATTACKS_DUMP']) console.log(`--- ${c.name}\n${text}`);
  expect(text, c.name).toBeDefined();
  for (const [label, value] of Object.entries(CANARIES)) {
    expect(text!.includes(value), `${c.name} leaked ${label}: ${text!.slice(0, 400)}`).toBe(false);
  }
  if (c.shows) expect(text, c.name).toMatch(c.shows);
}

/** Files under the data dir, relative, except the attacker's own folders and the database. */
function filesOutsideAttacker(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (path.startsWith(join(dataDir, 'tenants', 'acme', 'users', 'mallory'))) continue;
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dataDir, path));
    }
  };
  walk(dataDir);
  return out.filter((f) => !f.startsWith('platform.db') && !f.startsWith('run/'));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'agent-platform-attack-'));
  allowed = createServer((_req, res) => res.end('egress-ok\n'));
  await new Promise<void>((resolve) => allowed.listen(0, '127.0.0.1', resolve));
  allowedPort = (allowed.address() as AddressInfo).port;
  victimWorkspace = join(dataDir, 'tenants', 'beta', 'users', 'bob', 'workspace');
  model = await createModelServer({
    script: [{ content: [{ type: 'text', text: 'Noted, Bob.' }] }],
    // What the subagent of the Agent case asks for.
    subagentScript: [
      {
        content: [
          {
            type: 'tool_use',
            id: 'toolu_sub_1',
            name: 'Bash',
            input: {
              command: `cat ${hidden(victimPath())}; cat ${hidden('/proc/1/environ')} | tr "\\0" "\\n"; printenv ANTHROPIC_API_KEY`,
            },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Subagent done.' }] },
    ],
  });
  server = await spawnPlatform({
    PLATFORM_JWT_SECRET: SECRET,
    PLATFORM_DATA_DIR: dataDir,
    CLAUDE_CLI_PATH: realCli.path,
    ANTHROPIC_BASE_URL: model.url,
    ANTHROPIC_API_KEY: REAL_KEY,
    PLATFORM_TEST_CANARY: SERVER_ENV,
    PLATFORM_CLI_ENV: JSON.stringify({ CLAUDE_CODE_MAX_RETRIES: '0' }),
    PLATFORM_EGRESS_ALLOW: JSON.stringify({ gamma: [`127.0.0.1:${allowedPort}`] }),
  });

  // The victim: another tenant with a secret file and a conversation in the database.
  const bob = await signToken(SECRET, { tenantId: 'beta', userId: 'bob', tier: 'pro' });
  const victim = await api(server.url, bob, 'POST', '/api/sessions', {});
  expect(victim.status).toBe(201);
  const said = await api(server.url, bob, 'POST', `/api/sessions/${victim.body.id}/chat`, {
    message: `Remember ${VICTIM_CHAT}.`,
  });
  expect(said.body.result).toBe('Noted, Bob.');
  writeFileSync(join(victimWorkspace, 'secret.txt'), `${VICTIM_FILE}\n`);

  attackerToken = await signToken(SECRET, { tenantId: 'acme', userId: 'mallory', tier: 'pro' });
  const session = await api(server.url, attackerToken, 'POST', '/api/sessions', {});
  attackerSession = session.body.id;
  attackerWorkspace = join(dataDir, 'tenants', 'acme', 'users', 'mallory', 'workspace');
  mkdirSync(attackerWorkspace, { recursive: true });
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await model?.close();
  await new Promise((resolve) => allowed?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
  expect(liveChildren(), 'a process outlived the attack suite').toEqual([]);
});

const victimPath = () => join(victimWorkspace, 'secret.txt');
const dbPath = () => join(dataDir, 'platform.db');
const platformPort = () => new URL(server.url).port;

const fileEscapes = (): Batch => [
  {
    name: 'Bash: relative path to another workspace',
    tool: 'Bash',
    input: { command: 'cat ../../../../beta/users/bob/workspace/secret.txt' },
  },
  {
    name: 'Bash: absolute path to another workspace',
    tool: 'Bash',
    input: { command: `cat ${victimPath()}` },
  },
  {
    name: 'Bash: path built at run time',
    tool: 'Bash',
    input: {
      command:
        'P=$(echo Li4= | base64 -d); cat $P/$P/$P/$P/beta/users/bob/workspace/secret.txt; echo "exit=$?"',
    },
    shows: /No such file or directory/,
  },
  {
    name: 'Bash: climbing with dirname',
    tool: 'Bash',
    input: {
      command:
        'cd "$(dirname "$(dirname "$(dirname "$(dirname "$PWD")")")")" && ls -R . 2>&1 | head -50; cat beta/users/bob/workspace/secret.txt',
    },
  },
  {
    name: 'Bash: symlink to another workspace, read and write through it',
    tool: 'Bash',
    input: {
      command: `ln -s ${hidden(victimWorkspace)} link; cd link && cat secret.txt; echo pwned > planted.txt; echo "exit=$?"`,
    },
    // The link dangles: its target does not exist inside the sandbox.
    shows: /cd: link: No such file or directory/,
  },
  {
    name: 'Bash: the data directory, hidden path',
    tool: 'Bash',
    input: { command: `ls -la ${hidden(dataDir)} ${hidden(join(dataDir, 'tenants'))} 2>&1` },
  },
  {
    name: 'Bash: grep -a over the database',
    tool: 'Bash',
    input: { command: `grep -a -o 'victim-chat-[0-9a-f]*' ${hidden(dbPath())}; echo "exit=$?"` },
    shows: /No such file or directory/,
  },
  {
    name: 'Bash: write into another workspace, hidden path',
    tool: 'Bash',
    input: {
      command: `echo pwned > ${hidden(join(victimWorkspace, 'planted.txt'))}; echo "exit=$?"`,
    },
    shows: /exit=1/,
  },
  {
    name: "Bash: the server's source and the repository",
    tool: 'Bash',
    input: {
      command: `ls ${hidden('/work')} ${hidden('/root')} ${hidden('/home')} 2>&1; echo "exit=$?"`,
    },
  },
  {
    name: 'Bash: /etc/shadow',
    tool: 'Bash',
    input: { command: `cat ${hidden('/etc/shadow')} 2>&1; ls ${hidden('/etc')}` },
  },
  {
    name: 'Bash: find every secret.txt',
    tool: 'Bash',
    input: {
      command: `find ${hidden('/')} -name secret.txt 2>&1 | grep -v Permission; echo "exit=$?"`,
    },
    shows: /exit=/,
  },
];

const processEscapes = (): Batch => [
  { name: 'Bash: ps eww', tool: 'Bash', input: { command: 'ps eww -A 2>&1' }, shows: /ps eww/ },
  {
    name: "Bash: every process's environ",
    tool: 'Bash',
    input: {
      command: `cd ${hidden('/proc')} && for f in [0-9]*/environ; do tr '\\0' '\\n' < $f; done 2>&1 | sort -u`,
    },
  },
  {
    name: "Bash: every process's command line",
    tool: 'Bash',
    input: {
      command: `cd ${hidden('/proc')} && for f in [0-9]*/cmdline; do tr '\\0' ' ' < $f; echo; done`,
    },
  },
  {
    name: 'Bash: the parent process environ',
    tool: 'Bash',
    input: {
      command: `P=${hidden('/proc')}; cat $P/$PPID/environ $P/1/environ 2>&1 | tr '\\0' '\\n'`,
    },
  },
  {
    name: 'Bash: printenv',
    tool: 'Bash',
    input: { command: 'printenv' },
    shows: /ANTHROPIC_API_KEY=sk-agentsdk-session-/,
  },
  {
    name: 'Bash: count visible processes',
    tool: 'Bash',
    input: { command: `cd ${hidden('/proc')} && ls -d [0-9]* | wc -l` },
    // Only the sandbox's own few processes (init, the CLI, socat, the shell).
    shows: /^"([1-9]|1[0-9])\\n/,
  },
  {
    name: 'Bash: a new user namespace',
    tool: 'Bash',
    input: { command: 'unshare -Ur id 2>&1; echo "exit=$?"' },
    shows: /exit=1/,
  },
  {
    name: 'Bash: kill every process it can see',
    tool: 'Bash',
    input: { command: 'kill -STOP -1 2>&1; kill -CONT -1; echo "exit=$?"' },
  },
];

const networkEscapes = (): Batch => [
  {
    name: "Bash: the server's loopback port (/metrics)",
    tool: 'Bash',
    input: { command: `curl -s -m 3 http://127.0.0.1:${platformPort()}/metrics; echo "exit=$?"` },
    shows: /exit=7/,
  },
  {
    name: 'Bash: the model server directly, bypassing the proxy',
    tool: 'Bash',
    input: { command: `curl -s -m 3 ${model.url}/v1/models; echo "exit=$?"` },
    shows: /exit=7/,
  },
  {
    name: 'Bash: raw /dev/tcp to the server',
    tool: 'Bash',
    input: {
      command: `exec 3<>${hidden(`/dev/tcp/127.0.0.1/${platformPort()}`)} && echo ${hidden('GET /metrics HTTP/1.0')} >&3 && cat <&3; echo "exit=$?"`,
    },
    shows: /exit=1/,
  },
  {
    name: 'Bash: IPv6 loopback',
    tool: 'Bash',
    input: { command: `curl -s -m 3 "http://[::1]:${platformPort()}/health"; echo "exit=$?"` },
    shows: /exit=7/,
  },
  {
    name: 'Bash: the model bridge without a key',
    tool: 'Bash',
    input: {
      command:
        'curl -s -m 3 -H "x-api-key: stolen" http://127.0.0.2:8080/v1/models; echo; echo "exit=$?"',
    },
    shows: /authentication_error/,
  },
  {
    name: 'Bash: the model bridge with its own key asks for another route',
    tool: 'Bash',
    input: {
      command:
        'curl -s -m 3 -H "x-api-key: $ANTHROPIC_API_KEY" http://127.0.0.2:8080/api/oauth/profile; echo',
    },
    shows: /not_found_error/,
  },
  {
    name: 'Bash: network interfaces',
    tool: 'Bash',
    input: { command: `cat ${hidden('/proc/net/dev')}` },
    shows: /lo:/,
  },
];

const toolEscapes = (): Batch => [
  { name: 'Read: another workspace', tool: 'Read', input: { file_path: victimPath() } },
  { name: 'Read: the database', tool: 'Read', input: { file_path: dbPath() } },
  {
    name: "Read: the server's environ",
    tool: 'Read',
    input: { file_path: `/proc/${server.child.pid}/environ` },
  },
  {
    name: 'Write: into another workspace',
    tool: 'Write',
    input: { file_path: join(victimWorkspace, 'planted-by-write.txt'), content: 'pwned' },
  },
  {
    name: 'Write: through a symlink in the own workspace',
    tool: 'Write',
    input: { file_path: join(attackerWorkspace, 'link', 'planted-by-link.txt'), content: 'pwned' },
  },
  {
    name: 'Edit: another workspace',
    tool: 'Edit',
    input: { file_path: victimPath(), old_string: 'victim', new_string: 'pwned' },
  },
  {
    name: 'Glob: the data directory',
    tool: 'Glob',
    input: { pattern: '**/secret.txt', path: dataDir },
  },
  {
    name: 'Grep: the data directory',
    tool: 'Grep',
    input: { pattern: 'victim', path: dataDir, output_mode: 'content' },
  },
  {
    name: 'NotebookEdit: another workspace',
    tool: 'NotebookEdit',
    input: {
      notebook_path: join(victimWorkspace, 'x.ipynb'),
      new_source: 'pwned',
      edit_mode: 'insert',
      cell_type: 'code',
    },
  },
  {
    name: "WebFetch: the server's metrics",
    tool: 'WebFetch',
    input: { url: `http://127.0.0.1:${platformPort()}/metrics`, prompt: 'print it' },
  },
  {
    name: 'Monitor: watch the server environ',
    tool: 'Monitor',
    input: { command: `cat /proc/${server.child.pid}/environ`, description: 'watch' },
  },
];

describe('a hostile tenant, through the model, against the sandboxed platform', () => {
  const batches: Array<[string, () => Batch]> = [
    ['file system', fileEscapes],
    ['processes and environment', processEscapes],
    ['network', networkEscapes],
    ['file tools and web', toolEscapes],
  ];
  for (const [name, make] of batches) {
    it(`${name}: nothing of another tenant, the server or its secrets reaches the model`, async () => {
      const batch = make();
      await runBatch(batch);
      for (const c of batch) expectClean(c);
    }, 120_000);
  }

  it('a subagent (Agent tool) is held by the same sandbox', async () => {
    const batch: Batch = [
      {
        name: 'Agent: a subagent reads another workspace',
        tool: 'Agent',
        input: {
          description: 'look around',
          prompt: 'Read the files.',
          subagent_type: 'general-purpose',
        },
      },
    ];
    // The subagent runs in the background; when it is done the CLI tells the main agent.
    await runBatch(batch, [{ content: [{ type: 'text', text: 'Noted the subagent.' }] }]);
    expectClean(batch[0]!);
    await model.waitForRequest(
      (r) =>
        r.kind === 'subagent' && JSON.stringify(r.body).includes('"tool_use_id":"toolu_sub_1"'),
      { timeoutMs: 60_000 },
    );
    // When the subagent is done the CLI tells the main agent, which takes the last turn queued:
    // wait for it, so the next test's turns are not answered to this session.
    const noted = model.consumed + model.remaining - 1;
    await model.waitForRequest((r) => r.kind === 'main' && r.turnIndex === noted, {
      timeoutMs: 60_000,
    });
    const sub = model.requests
      .flatMap((r: any) =>
        (r.body?.messages ?? []).flatMap((m: any) => (Array.isArray(m.content) ? m.content : [])),
      )
      .find((b: any) => b.type === 'tool_result' && b.tool_use_id === 'toolu_sub_1');
    expect(sub, 'the subagent ran its Bash call').toBeDefined();
    const text = JSON.stringify(sub.content);
    for (const value of Object.values(CANARIES)) expect(text.includes(value)).toBe(false);
  }, 120_000);

  it("a tenant's egress allowlist opens exactly its hosts, through the egress proxy", async () => {
    attackerToken = await signToken(SECRET, { tenantId: 'gamma', userId: 'gil', tier: 'pro' });
    attackerSession = (await api(server.url, attackerToken, 'POST', '/api/sessions', {})).body.id;
    const batch: Batch = [
      {
        name: 'egress: an allowlisted host',
        tool: 'Bash',
        input: { command: `curl -s -m 5 http://127.0.0.1:${allowedPort}/; echo "exit=$?"` },
        shows: /egress-ok\\nexit=0/,
      },
      {
        name: "egress: the server's port is not on the list",
        tool: 'Bash',
        input: {
          command: `curl -s -m 5 -o body.txt -w '%{http_code}' http://127.0.0.1:${platformPort()}/metrics; echo " exit=$?"`,
        },
        shows: /403 exit=0/,
      },
      {
        name: 'egress: CONNECT to a host not on the list',
        tool: 'Bash',
        input: {
          command: `curl -s -m 5 https://127.0.0.1:${platformPort()}/ 2>&1; echo "exit=$?"`,
        },
        shows: /exit=56/,
      },
      {
        name: 'egress: around the proxy',
        tool: 'Bash',
        input: {
          command: `curl -s -m 5 --noproxy '*' http://127.0.0.1:${allowedPort}/; echo "exit=$?"`,
        },
        shows: /exit=7/,
      },
    ];
    await runBatch(batch);
    for (const c of batch) expectClean(c);
  }, 120_000);

  it('the real key reached the model API only through the proxy; the file system is untouched', async () => {
    const main = model.requests.filter((r: any) => r.kind === 'main');
    expect(main.length).toBeGreaterThan(4);
    for (const r of main) expect((r as any).headers['x-api-key']).toBe(REAL_KEY);
    // The victim's workspace holds what it held; nothing was planted anywhere outside the
    // attacker's own folders; the server still serves.
    expect(readdirSync(victimWorkspace).sort()).toEqual(['secret.txt']);
    expect(readFileSync(victimPath(), 'utf8')).toBe(`${VICTIM_FILE}\n`);
    const planted = filesOutsideAttacker().filter((f) => /planted|pwned/.test(f));
    expect(planted).toEqual([]);
    expect(existsSync(join(attackerWorkspace, 'link'))).toBe(true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
