// Tool calls without the pipe: `query()` on an in-memory transport that serialises both ways as
// the real one does, so the figure is the SDK's own CPU per call, free of the scheduling noise
// that dominates round trips on a shared 2-core machine. The first `count` calls of a fresh
// process are "cold" (what the bench row measures), the next `count` "warm".
// Usage: node dist/microToolCalls.js [agentsdk|agentsdk-core|raw] [--count 5000]
import { query, type McpServerConfig, type Transport, type TransportSink } from '@agentsdk/core';
import { parseArgs } from 'node:util';
import { agentsdkCalc } from './contenders/agentsdkCalc.js';
import { calcResponse } from './raw/calcResponse.js';

type Message = Record<string, unknown>;
type Rpc = Parameters<typeof calcResponse>[0];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { count: { type: 'string', default: '5000' } },
});
const which = positionals[0] ?? 'agentsdk';
const count = Number(values.count);

const callMessage = (id: number, a: number): Message => ({
  method: 'tools/call',
  params: {
    name: 'add',
    arguments: { a, b: 1 },
    _meta: { 'claudecode/toolUseId': `toolu_bench_${id}`, progressToken: id },
  },
  jsonrpc: '2.0',
  id,
});

/** CPU µs per call of `rounds` rounds of `count` sequential calls made by `call`. */
async function measure(call: (i: number) => Promise<void>, rounds: number): Promise<number[]> {
  const perCall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < count; i++) await call(round * count + i);
    const used = process.cpuUsage(start);
    perCall.push((used.user + used.system) / count);
  }
  return perCall;
}

/** The raw floor: parse the request line, answer by hand, serialise the answer line. */
async function raw(): Promise<number[]> {
  return measure(async (i) => {
    const line = JSON.stringify({
      type: 'control_request',
      request_id: `cli_req_${i}`,
      request: { subtype: 'mcp_message', server_name: 'calc', message: callMessage(i, i) },
    });
    const request = JSON.parse(line) as { request_id: string; request: { message: Rpc } };
    await null;
    const answer = JSON.stringify({
      type: 'control_response',
      response: {
        subtype: 'success',
        request_id: request.request_id,
        response: { mcp_response: calcResponse(request.request.message) },
      },
    });
    JSON.parse(answer);
  }, 2);
}

/** A CLI in memory: lines are JSON text both ways, as on the pipe. */
class MemoryCli implements Transport {
  writable = true;
  #sink: TransportSink | undefined;
  #seq = 0;
  readonly #waiting = new Map<string, (response: Message) => void>();
  #run: ((cli: MemoryCli) => Promise<void>) | undefined;

  constructor(run: (cli: MemoryCli) => Promise<void>) {
    this.#run = run;
  }

  async start(sink: TransportSink): Promise<void> {
    this.#sink = sink;
  }

  send(message: Message): void {
    const line = JSON.stringify(message);
    queueMicrotask(() => this.#sink?.message(JSON.parse(line) as Message));
  }

  mcp(message: Message): Promise<Message> {
    const requestId = `cli_req_${++this.#seq}`;
    return new Promise((resolve) => {
      this.#waiting.set(requestId, resolve);
      this.send({
        type: 'control_request',
        request_id: requestId,
        request: { subtype: 'mcp_message', server_name: 'calc', message },
      });
    });
  }

  write(value: unknown): Promise<void> {
    const message = JSON.parse(JSON.stringify(value)) as {
      type: string;
      request_id?: string;
      request?: { subtype: string };
      response?: { request_id: string };
    };
    if (message.type === 'control_response' && message.response) {
      const resolve = this.#waiting.get(message.response.request_id);
      this.#waiting.delete(message.response.request_id);
      resolve?.(message.response);
    } else if (message.type === 'control_request') {
      const response =
        message.request?.subtype === 'initialize'
          ? { commands: [], agents: [], models: [], output_style: 'default', account: {}, pid: 1 }
          : {};
      this.send({
        type: 'control_response',
        response: { subtype: 'success', request_id: message.request_id, response },
      });
    } else if (message.type === 'user' && this.#run) {
      const run = this.#run;
      this.#run = undefined;
      void run(this);
    }
    return Promise.resolve();
  }

  endInput(): void {
    queueMicrotask(() => this.#sink?.exit({ exitCode: 0, signal: null, stderrTail: '' }));
  }

  async close(): Promise<void> {}
}

async function throughQuery(server: McpServerConfig): Promise<number[]> {
  let perCall: number[] = [];
  const cli = new MemoryCli(async (self) => {
    await self.mcp({ jsonrpc: '2.0', id: 0, method: 'initialize', params: {} });
    await self.mcp({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await self.mcp({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    perCall = await measure(async (i) => {
      const reply = (await self.mcp(callMessage(i + 2, i))) as {
        response?: { mcp_response?: { result?: { content?: { text?: string }[] } } };
      };
      if (reply.response?.mcp_response?.result?.content?.[0]?.text !== String(i + 1)) {
        throw new Error(`wrong answer to call ${i}: ${JSON.stringify(reply)}`);
      }
    }, 2);
    self.send({ type: 'result', subtype: 'success', is_error: false, num_turns: 1, result: 'ok' });
  });
  for await (const message of query({
    prompt: 'bench',
    transport: cli,
    options: { mcpServers: { calc: server } },
  })) {
    void message;
  }
  return perCall;
}

const handCalc: McpServerConfig = {
  type: 'sdk',
  name: 'calc',
  instance: {
    name: 'calc',
    handleMessage: async (message) => calcResponse(message as Rpc) as never,
  },
};

const runs: Record<string, () => Promise<number[]>> = {
  raw,
  'agentsdk-core': () => throughQuery(handCalc),
  agentsdk: () => throughQuery(agentsdkCalc()),
};
const run = runs[which];
if (!run) throw new Error(`unknown contender ${which}: use ${Object.keys(runs).join(', ')}`);
const [cold, warm] = await run();
console.log(
  `${which}: CPU µs per call (SDK + in-memory CLI), first ${count}: ${cold?.toFixed(1)}, next ${count}: ${warm?.toFixed(1)}`,
);
