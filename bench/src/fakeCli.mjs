#!/usr/bin/env node
// A stand-in for the Claude Code CLI, built for speed: it answers `initialize`, and on the first
// user message runs one benchmark workload. Everything it streams is built before it reads stdin,
// so building output never counts against the SDK under test. Plain JS, no dependencies.
//
// BENCH_WORKLOAD   stream | toolcalls | hugeLine | coldStart | slowConsumer | backlog
// BENCH_COUNT      messages (stream, backlog, slowConsumer) or tool calls (toolcalls)
// BENCH_TEXT       assistant text per message: bytes of ASCII, or `nonascii:<bytes>`
// BENCH_LINE_MIB   size of the one huge line (hugeLine)
// BENCH_REPORT     file the CLI writes its own measurements to (RTTs, "all written")
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

if (process.argv.includes('--version')) {
  process.stdout.write('2.1.331 (Claude Code)\n');
  process.exit(0);
}

const env = process.env;
const workload = env.BENCH_WORKLOAD ?? 'coldStart';
const count = Number(env.BENCH_COUNT ?? '1');
const textSpec = env.BENCH_TEXT ?? '200';
const lineMiB = Number(env.BENCH_LINE_MIB ?? '1');
const reportPath = env.BENCH_REPORT;
const sessionId = '5a1b2c3d-0000-4000-8000-00000000be7c';
const out = process.stdout;

// ---------------------------------------------------------------------------------------------
// Messages, shaped as CLI 2.1.331 writes them (docs/protocol.md §4).

function assistantLine(i, text) {
  return JSON.stringify({
    type: 'assistant',
    message: {
      id: `msg_bench_${i}`,
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-5-5',
      content: [{ type: 'text', text }],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: 10,
        output_tokens: 1,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
      context_management: null,
    },
    parent_tool_use_id: null,
    session_id: sessionId,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    timestamp: '2026-01-01T00:00:00.000Z',
    request_id: `req_bench_${i}`,
  });
}

function initLine() {
  return JSON.stringify({
    type: 'system',
    subtype: 'init',
    cwd: process.cwd(),
    session_id: sessionId,
    tools: ['Bash', 'Read', 'mcp__calc__add'],
    mcp_servers: [{ name: 'calc', status: 'connected', source: 'sdk' }],
    model: 'claude-opus-5-5',
    permissionMode: 'default',
    slash_commands: [],
    apiKeySource: 'ANTHROPIC_API_KEY',
    claude_code_version: '2.1.331',
    output_style: 'default',
    agents: [],
    skills: [],
    plugins: [],
    uuid: '00000000-0000-4000-8000-1111111111111',
  });
}

function resultLine(numTurns) {
  return JSON.stringify({
    type: 'result',
    subtype: 'success',
    is_error: false,
    duration_ms: 1,
    duration_api_ms: 1,
    num_turns: numTurns,
    result: 'done',
    stop_reason: 'end_turn',
    session_id: sessionId,
    total_cost_usd: 0.00014,
    usage: { input_tokens: 10, output_tokens: 5 },
    modelUsage: {},
    permission_denials: [],
    terminal_reason: 'completed',
    uuid: '00000000-0000-4000-8000-2222222222222',
  });
}

function makeText(spec) {
  const nonAscii = spec.startsWith('nonascii:');
  const bytes = Number(nonAscii ? spec.slice('nonascii:'.length) : spec);
  const unit = nonAscii
    ? 'Grüße, 世界 — ünïcödé текст 🎉 '
    : 'The quick brown fox jumps over the lazy dog. ';
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += unit;
  // Trim by characters (never splitting a surrogate pair) until it fits.
  const chars = [...text];
  while (Buffer.byteLength(chars.join('')) > bytes) chars.pop();
  return chars.join('');
}

/** All lines of a stream workload, joined into 1 MiB blocks ready for the pipe. */
function buildStream(messages, text) {
  const blocks = [];
  let parts = [];
  let size = 0;
  for (let i = 0; i < messages; i++) {
    const line = `${assistantLine(i, text)}\n`;
    parts.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      blocks.push(Buffer.from(parts.join('')));
      parts = [];
      size = 0;
    }
  }
  if (parts.length) blocks.push(Buffer.from(parts.join('')));
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Output with back-pressure: as fast as the pipe takes it, and no faster.

function write(chunk) {
  if (out.write(chunk)) return undefined;
  return new Promise((resolve) => out.once('drain', resolve));
}

async function writeAll(chunks) {
  for (const chunk of chunks) {
    const wait = write(chunk);
    if (wait) await wait;
  }
}

function flushed() {
  return new Promise((resolve) => out.write('', resolve));
}

function report(data) {
  if (reportPath) writeFileSync(reportPath, JSON.stringify(data));
}

// ---------------------------------------------------------------------------------------------
// Control requests to the SDK (mcp_message), answered through `pendingControl`.

const pendingControl = new Map();
let controlSeq = 0;

function controlRequest(request) {
  const requestId = `cli_req_${++controlSeq}`;
  return new Promise((resolve) => {
    pendingControl.set(requestId, { resolve, sentAt: performance.now() });
    out.write(`${JSON.stringify({ type: 'control_request', request_id: requestId, request })}\n`);
  });
}

function mcp(message) {
  return controlRequest({ subtype: 'mcp_message', server_name: 'calc', message });
}

let rpcId = 0;
async function mcpHandshake() {
  await mcp({
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'claude-code', version: '2.1.331' },
    },
    jsonrpc: '2.0',
    id: rpcId++,
  });
  await mcp({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await mcp({ method: 'tools/list', jsonrpc: '2.0', id: rpcId++ });
}

/** One `tools/call add(a, b)`: its round trip in ms and whether the answer was right. */
async function callAdd(a, b) {
  const start = performance.now();
  const reply = await mcp({
    method: 'tools/call',
    params: {
      name: 'add',
      arguments: { a, b },
      _meta: { 'claudecode/toolUseId': `toolu_bench_${rpcId}`, progressToken: rpcId },
    },
    jsonrpc: '2.0',
    id: rpcId++,
  });
  const rtt = performance.now() - start;
  const text = reply?.response?.mcp_response?.result?.content?.[0]?.text;
  return { rtt, ok: reply?.subtype === 'success', correct: text === String(a + b) };
}

// ---------------------------------------------------------------------------------------------
// Workloads, run on the first user message.

const prebuilt = {};
if (workload === 'stream' || workload === 'backlog') {
  prebuilt.blocks = buildStream(count, makeText(textSpec));
} else if (workload === 'slowConsumer') {
  prebuilt.blocks = buildStream(count, makeText(textSpec));
}

const workloads = {
  async stream() {
    out.write(`${initLine()}\n`);
    await writeAll(prebuilt.blocks);
    out.write(`${resultLine(1)}\n`);
    report({ bytes: prebuilt.blocks.reduce((sum, block) => sum + block.length, 0) });
  },

  async backlog() {
    out.write(`${initLine()}\n`);
    await writeAll(prebuilt.blocks);
    out.write(`${resultLine(1)}\n`);
    await flushed();
    report({ allWrittenAt: Date.now() });
  },

  async coldStart() {
    out.write(`${initLine()}\n${assistantLine(0, 'Hello!')}\n${resultLine(1)}\n`);
  },

  async toolcalls() {
    await mcpHandshake();
    out.write(`${initLine()}\n`);
    const rtts = new Float64Array(count);
    let failed = 0;
    let wrong = 0;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const call = await callAdd(i, 1);
      rtts[i] = call.rtt;
      if (!call.ok) failed += 1;
      else if (!call.correct) wrong += 1;
    }
    const elapsed = performance.now() - start;
    report({ rtts: Array.from(rtts), elapsedMs: elapsed, failed, wrong });
    out.write(`${assistantLine(0, 'All sums done.')}\n${resultLine(count + 1)}\n`);
  },

  async slowConsumer() {
    await mcpHandshake();
    // One call before the stall, so the measured one is not a first (cold) call.
    await callAdd(1, 1);
    out.write(`${initLine()}\n`);
    await writeAll(prebuilt.blocks);
    await flushed();
    // Give the SDK time to read what is still in the pipe, so the round trip below measures
    // control handling alone. The consumer is now asleep over `count` queued messages; this call
    // must not wait for it.
    await sleep(50);
    const call = await callAdd(40, 2);
    report({ rtt: call.rtt, ok: call.ok, correct: call.correct, answeredAt: Date.now() });
    out.write(`${assistantLine(count, 'The answer is 42.')}\n${resultLine(2)}\n`);
  },

  async hugeLine() {
    out.write(`${initLine()}\n`);
    const head = assistantLine(0, '@@TEXT@@');
    const [prefix, suffix] = head.split('@@TEXT@@');
    const block = Buffer.alloc(1 << 20, 'x');
    const chunks = [Buffer.from(prefix)];
    for (let i = 0; i < lineMiB; i++) chunks.push(block);
    chunks.push(Buffer.from(`${suffix}\n`));
    await writeAll(chunks);
    out.write(`${resultLine(1)}\n`);
  },
};

// ---------------------------------------------------------------------------------------------
// stdin: NDJSON, split by hand (readline is slower and this process must never be the bottleneck).

let running;
function onLine(line) {
  if (line.length === 0) return;
  const message = JSON.parse(line);
  if (message.type === 'control_response') {
    const id = message.response?.request_id;
    const pending = pendingControl.get(id);
    if (pending) {
      pendingControl.delete(id);
      pending.resolve(message.response);
    }
    return;
  }
  if (message.type === 'control_request') {
    const response =
      message.request?.subtype === 'initialize'
        ? {
            commands: [],
            agents: [],
            output_style: 'default',
            models: [],
            account: { apiKeySource: 'ANTHROPIC_API_KEY' },
            pid: process.pid,
            claude_code_version: '2.1.331',
          }
        : {};
    out.write(
      `${JSON.stringify({
        type: 'control_response',
        response: { subtype: 'success', request_id: message.request_id, response },
      })}\n`,
    );
    return;
  }
  if (message.type === 'user' && !running) {
    const run = workloads[workload];
    if (!run) throw new Error(`fakeCli: unknown BENCH_WORKLOAD ${workload}`);
    running = run().catch((error) => {
      process.stderr.write(`fakeCli: ${error?.stack ?? error}\n`);
      process.exit(2);
    });
  }
}

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  let start = 0;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    const line = pending.length ? pending + text.slice(start, nl) : text.slice(start, nl);
    pending = '';
    onLine(line);
    start = nl + 1;
    nl = text.indexOf('\n', start);
  }
  if (start < text.length) pending += text.slice(start);
});
// EOF on stdin: finish what was written, then exit (docs/protocol.md §5.7).
process.stdin.on('end', () => {
  Promise.resolve(running)
    .then(flushed)
    .then(() => process.exit(0));
});
// The SDK went away while we were writing: nothing more to do.
out.on('error', () => process.exit(0));
