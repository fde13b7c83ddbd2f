import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { apiErrorBody } from './apiError.js';
import { buildApiMessage, type ApiMessage } from './apiMessage.js';
import { classifyRequest } from './classify.js';
import { randomId } from './ids.js';
import type {
  ModelServer,
  ModelServerEvent,
  ModelServerOptions,
  RequestMatcher,
  WaitOptions,
} from './ModelServer.js';
import { ModelServerError } from './ModelServerError.js';
import { parseModelScript, parseModelTurn } from './parseModelScript.js';
import type { MessagesRequestBody, RecordedError, RecordedRequest } from './RecordedRequest.js';
import { sendJson, sendStream, type ResponseControl } from './respond.js';
import { isErrorTurn, type ModelContentTurn, type ModelTurn } from './script.js';
import { messageStreamSteps, stallStepIndex } from './sse.js';

const HOST = '127.0.0.1';
const DEFAULT_TIMEOUT_MS = 10_000;
/** setTimeout fires at once for delays above 2^31-1 ms; longer waits are capped to ~24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const FALLBACK_MODEL = 'claude-mock';

type Listener = (request: RecordedRequest) => void;

function parseBody(raw: string): { body: MessagesRequestBody | undefined; malformed: boolean } {
  if (raw.trim() === '') return { body: undefined, malformed: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { body: value as MessagesRequestBody, malformed: false };
    }
  } catch {
    // fall through: not JSON
  }
  return { body: undefined, malformed: true };
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function toMatcher(match: RequestMatcher): (request: RecordedRequest) => boolean {
  return typeof match === 'function' ? match : (request) => request.kind === match;
}

function describeRequest(r: RecordedRequest): string {
  const turn = r.turnIndex === undefined ? '' : ` turn ${r.turnIndex}`;
  const side = r.side === undefined ? '' : `/${r.side}`;
  return `#${r.index} ${r.kind}${side}${turn} ${r.method} ${r.path} → ${r.status}${r.stalled ? ' (stalled)' : ''}`;
}

class ScriptedModelServer implements ModelServer {
  readonly requests: RecordedRequest[] = [];
  readonly errors: RecordedError[] = [];
  readonly url: string;
  readonly port: number;

  readonly #server: Server;
  readonly #turns: ModelTurn[];
  #next = 0;
  // Subagent requests read their own queue when one is given: background subagents run
  // concurrently with the main loop, so one shared queue would be consumed in a racy order.
  readonly #subagentTurns: ModelTurn[] | undefined;
  #subagentNext = 0;
  readonly #options: Required<Omit<ModelServerOptions, 'script' | 'port' | 'subagentScript'>>;
  readonly #sockets = new Set<Socket>();
  readonly #inFlight = new Set<AbortController>();
  readonly #stalls = new Set<() => void>();
  readonly #listeners = new Map<ModelServerEvent, Set<Listener>>();
  readonly #waiters = new Set<(error: ModelServerError) => void>();
  #closing: Promise<void> | undefined;

  constructor(server: Server, turns: ModelTurn[], options: ModelServerOptions) {
    this.#server = server;
    this.#turns = turns;
    this.#subagentTurns = options.subagentScript?.map((turn, i) =>
      parseModelTurn(turn, `subagentScript[${i}]`),
    );
    this.#options = {
      chunkChars: options.chunkChars ?? 10,
      sessionTitle: options.sessionTitle ?? 'Mock session title',
      sideText: options.sideText ?? 'OK',
      countTokens: options.countTokens ?? 42,
    };
    const address = server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('scripted model server: listening socket has no port');
    }
    this.port = address.port;
    this.url = `http://${HOST}:${this.port}`;
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          sendJson(
            res,
            500,
            {},
            apiErrorBody(500, { message: `scripted model server: ${String(error)}` }),
          );
        } else {
          res.destroy();
        }
      });
    });
  }

  get remaining(): number {
    return this.#turns.length - this.#next;
  }

  get consumed(): number {
    return this.#next;
  }

  push(...turns: ModelTurn[]): void {
    const start = this.#turns.length;
    const parsed = turns.map((turn, i) => parseModelTurn(turn, `turns[${start + i}]`));
    this.#turns.push(...parsed);
  }

  requestsOfKind(kind: RecordedRequest['kind']): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === kind);
  }

  mainRequests(): RecordedRequest[] {
    return this.requestsOfKind('main');
  }

  lastMainRequest(): RecordedRequest | undefined {
    return this.mainRequests().at(-1);
  }

  waitForRequest(match: RequestMatcher, options: WaitOptions = {}): Promise<RecordedRequest> {
    const what = typeof match === 'function' ? 'a matching request' : `a "${match}" request`;
    return this.#waitFor('request', toMatcher(match), what, options);
  }

  waitForResponse(match: RequestMatcher, options: WaitOptions = {}): Promise<RecordedRequest> {
    const what =
      typeof match === 'function' ? 'a matching response' : `a response to a "${match}" request`;
    const matches = toMatcher(match);
    return this.#waitFor('response', (r) => r.outcome !== 'pending' && matches(r), what, options);
  }

  waitForStall(options: WaitOptions & { match?: RequestMatcher } = {}): Promise<RecordedRequest> {
    const matches = options.match === undefined ? () => true : toMatcher(options.match);
    return this.#waitFor('stall', (r) => r.stalled && matches(r), 'a stalled response', options);
  }

  release(): number {
    const stalls = [...this.#stalls];
    this.#stalls.clear();
    for (const resume of stalls) resume();
    return stalls.length;
  }

  on(event: ModelServerEvent, listener: Listener): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      const error = new ModelServerError('CLOSED', 'The scripted model server was closed.');
      for (const reject of [...this.#waiters]) reject(error);
      for (const controller of [...this.#inFlight]) controller.abort();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
      for (const socket of this.#sockets) socket.destroy();
    });
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #emit(event: ModelServerEvent, request: RecordedRequest): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        listener(request);
      } catch (error) {
        // A failing listener is a bug in the test: surface it without breaking the response.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #waitFor(
    event: ModelServerEvent,
    matches: (request: RecordedRequest) => boolean,
    what: string,
    options: WaitOptions,
  ): Promise<RecordedRequest> {
    const count = Math.max(1, Math.floor(options.count ?? 1));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let seen: RecordedRequest[];
    try {
      seen = this.requests.filter(matches);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const found = seen[count - 1];
    if (found !== undefined) return Promise.resolve(found);
    if (this.#closing !== undefined) {
      return Promise.reject(
        new ModelServerError('CLOSED', `Cannot wait for ${what}: the server is closed.`),
      );
    }
    if (options.signal?.aborted) {
      return Promise.reject(new ModelServerError('ABORTED', `Waiting for ${what} was aborted.`));
    }
    return new Promise((resolve, reject) => {
      let matched = seen.length;
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        unsubscribe();
        this.#waiters.delete(onClose);
        options.signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const unsubscribe = this.on(event, (request) => {
        try {
          if (!matches(request)) return;
        } catch (error) {
          finish(() => reject(error as Error));
          return;
        }
        matched += 1;
        if (matched >= count) finish(() => resolve(request));
      });
      const onClose = (error: ModelServerError): void => finish(() => reject(error));
      const onAbort = (): void =>
        finish(() => reject(new ModelServerError('ABORTED', `Waiting for ${what} was aborted.`)));
      const timer = setTimeout(
        () => {
          const received = this.requests.slice(-20).map(describeRequest);
          const nth = count === 1 ? '' : ` (#${count}, ${matched} seen)`;
          finish(() =>
            reject(
              new ModelServerError(
                'WAIT_TIMEOUT',
                `Timed out after ${timeoutMs} ms waiting for ${what}${nth}. ` +
                  `Requests received (${this.requests.length}): ${received.length === 0 ? 'none' : received.join('; ')}. ` +
                  `Turns left: ${this.remaining}.`,
              ),
            ),
          );
        },
        Math.min(timeoutMs, MAX_TIMER_MS),
      );
      this.#waiters.add(onClose);
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const { body, malformed } = parseBody(raw);
    const { kind, side } = classifyRequest(method, url.pathname, body);

    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      path: url.pathname,
      url: req.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      headers: lowerCaseHeaders(req),
      body,
      kind,
      stream: body?.stream === true,
      status: 200,
      requestId: randomId('req'),
      stalled: false,
      outcome: 'pending',
      receivedAt: Date.now(),
    };
    if (malformed) record.rawBody = raw;
    if (side !== undefined) record.side = side;
    if (typeof body?.model === 'string') record.model = body.model;

    const controller = new AbortController();
    this.#inFlight.add(controller);
    res.once('close', () => {
      this.#inFlight.delete(controller);
      record.outcome = res.writableFinished ? 'completed' : 'aborted';
      if (!res.writableFinished) controller.abort();
      this.#emit('response', record);
    });
    const control: ResponseControl = {
      signal: controller.signal,
      hold: () => this.#hold(record, controller.signal),
    };
    const headers = { 'request-id': record.requestId };

    switch (kind) {
      case 'probe':
        return this.#answerJson(record, res, 200, headers, method === 'HEAD' ? undefined : {});
      case 'count_tokens':
        return this.#answerJson(record, res, 200, headers, {
          input_tokens: this.#options.countTokens,
        });
      case 'unknown':
        return this.#answerJson(
          record,
          res,
          404,
          headers,
          apiErrorBody(404, {
            message: `scripted model server: no route for ${method} ${url.pathname}`,
            requestId: record.requestId,
          }),
        );
      case 'invalid': {
        const message =
          `scripted model server: malformed request body for ${method} ${url.pathname} ` +
          `(request #${record.index}): expected a JSON object, got ${raw.length === 0 ? 'an empty body' : JSON.stringify(raw.slice(0, 80))}`;
        return this.#answerRecordedError(record, res, 'malformed_request', message, headers);
      }
      case 'side': {
        const text =
          side === 'title'
            ? JSON.stringify({ title: this.#options.sessionTitle })
            : this.#options.sideText;
        const message = buildApiMessage([{ type: 'text', text }], {
          model: record.model ?? FALLBACK_MODEL,
        });
        return this.#answerMessage(record, res, message, {}, headers, control);
      }
      case 'main':
      case 'subagent':
        return this.#answerTurn(record, res, headers, control);
    }
  }

  #record(record: RecordedRequest): void {
    this.requests.push(record);
    this.#emit('request', record);
  }

  #answerJson(
    record: RecordedRequest,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): void {
    record.status = status;
    this.#record(record);
    sendJson(res, status, headers, body);
  }

  #answerRecordedError(
    record: RecordedRequest,
    res: ServerResponse,
    code: RecordedError['code'],
    message: string,
    headers: Record<string, string>,
  ): void {
    const error: RecordedError = { code, message, requestIndex: record.index };
    record.error = error;
    this.errors.push(error);
    this.#answerJson(
      record,
      res,
      400,
      { ...headers, 'x-should-retry': 'false' },
      apiErrorBody(400, { message, requestId: record.requestId }),
    );
  }

  async #answerTurn(
    record: RecordedRequest,
    res: ServerResponse,
    headers: Record<string, string>,
    control: ResponseControl,
  ): Promise<void> {
    const own = record.kind === 'subagent' && this.#subagentTurns !== undefined;
    const queue = own ? (this.#subagentTurns as ModelTurn[]) : this.#turns;
    const next = own ? this.#subagentNext : this.#next;
    const turn = queue[next];
    if (turn === undefined) {
      const message =
        `scripted model server: ${own ? 'subagent script' : 'script'} exhausted after ${next} turns (request #${record.index}, ${record.kind}). ` +
        'Add turns to the script or call server.push().';
      return this.#answerRecordedError(record, res, 'script_exhausted', message, headers);
    }
    record.turnIndex = next;
    record.turn = turn;
    if (own) this.#subagentNext += 1;
    else this.#next += 1;

    if (isErrorTurn(turn)) {
      const { error } = turn;
      const errorHeaders: Record<string, string> = { ...headers, ...error.headers };
      if (error.retry_after !== undefined) errorHeaders['retry-after'] = String(error.retry_after);
      record.status = error.status;
      this.#record(record);
      if (turn.stall === true) await control.hold();
      if (control.signal.aborted) return;
      const body = apiErrorBody(error.status, {
        ...(error.type === undefined ? {} : { type: error.type }),
        ...(error.message === undefined ? {} : { message: error.message }),
        requestId: record.requestId,
      });
      return sendJson(res, error.status, errorHeaders, body);
    }

    const message = buildApiMessage(turn.content, {
      model: turn.model ?? record.model ?? FALLBACK_MODEL,
      ...(turn.stop_reason === undefined ? {} : { stopReason: turn.stop_reason }),
      ...(turn.usage === undefined ? {} : { usage: turn.usage }),
    });
    return this.#answerMessage(record, res, message, turn, headers, control);
  }

  async #answerMessage(
    record: RecordedRequest,
    res: ServerResponse,
    message: ApiMessage,
    turn: Pick<ModelContentTurn, 'chunk_chars' | 'delay_ms' | 'stall' | 'stall_after_chars'>,
    headers: Record<string, string>,
    control: ResponseControl,
  ): Promise<void> {
    record.messageId = message.id;
    record.status = 200;
    this.#record(record);
    const stalls = turn.stall === true || turn.stall_after_chars !== undefined;
    if (!record.stream) {
      if (stalls) await control.hold();
      if (control.signal.aborted) return;
      return sendJson(res, 200, headers, message);
    }
    const steps = messageStreamSteps(message, turn.chunk_chars ?? this.#options.chunkChars);
    const stallAt = stalls ? stallStepIndex(steps, turn.stall_after_chars ?? 1) : -1;
    await sendStream(res, steps, headers, { stallAt, delayMs: turn.delay_ms ?? 0, control });
  }

  #hold(record: RecordedRequest, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const resume = (): void => {
        this.#stalls.delete(resume);
        signal.removeEventListener('abort', resume);
        resolve();
      };
      this.#stalls.add(resume);
      signal.addEventListener('abort', resume, { once: true });
      record.stalled = true;
      this.#emit('stall', record);
    });
  }
}

/**
 * Starts a scripted fake of the Anthropic Messages API on 127.0.0.1. Point the real Claude Code
 * CLI at it with `ANTHROPIC_BASE_URL=server.url` (and any `ANTHROPIC_API_KEY`): each model request
 * (`main` or `subagent`) is answered with the next turn of the script, side requests (session
 * title, model probe, token counting) are answered without consuming it, and every request is
 * recorded.
 *
 * @example
 * ```ts
 * await using server = await createModelServer({
 *   script: { turns: [{ content: [{ type: 'text', text: 'Hello!' }] }] },
 * });
 * // spawn `claude` with ANTHROPIC_BASE_URL=server.url …
 * await server.waitForRequest('main');
 * ```
 * @throws {ModelServerError} `INVALID_SCRIPT` when the script does not match the format.
 */
export async function createModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const { script } = options;
  const turns =
    script === undefined
      ? []
      : Array.isArray(script)
        ? script.map((turn, i) => parseModelTurn(turn, `turns[${i}]`))
        : parseModelScript(script).turns;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ port: options.port ?? 0, host: HOST }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return new ScriptedModelServer(server, turns, options);
}
