import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  ListRootsResultSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { ClientRequestError } from '../errors/ClientRequestError.js';
import { createValidator } from '../schema/createValidator.js';
import { detectSchema } from '../schema/detectSchema.js';
import { formatIssues } from '../schema/formatIssues.js';
import { toJsonSchema } from '../schema/toJsonSchema.js';
import type { InferSchemaOutput, ToolSchema } from '../schema/types.js';
import type {
  ElicitOutcome,
  HandlerContext,
  McpClientChannel,
  ToolProgress,
} from './HandlerContext.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  LoggingLevel,
  Root,
} from '@modelcontextprotocol/sdk/spec.types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

/** Options of a direct `definition.call()`: the context a test or another runtime gives the handler. */
export interface HandlerCallOptions {
  signal?: AbortSignal;
  /** Request `_meta` (`claudecode/toolUseId`, `progressToken`, …). */
  meta?: Readonly<Record<string, unknown>>;
  /** Receives `context.reportProgress()` calls. Without it, progress is dropped. */
  onProgress?: (progress: ToolProgress) => void | Promise<void>;
  /** Receives `context.log()` calls. Without it, log messages are dropped. */
  onLog?: (level: LoggingLevel, data: unknown) => void | Promise<void>;
  /** The client, for `createMessage`, `elicit` and `listRoots`. Without it they throw `NO_CLIENT`. */
  client?: McpClientChannel;
  /** Who the HTTP request's bearer token belongs to (`createHttpHandler({ auth })`). */
  authInfo?: AuthInfo;
  /** Close this request's SSE stream (HTTP with an event store); the client resumes later. */
  closeStream?: () => void;
}

export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/** Options whose `signal` is made on first read may say whether it is aborted without making it. */
export const PEEK_ABORTED = Symbol('peekAborted');

/** Whether the call is cancelled, without creating a lazily made signal. */
export function isAborted(options: HandlerCallOptions): boolean {
  const peek = (options as { [PEEK_ABORTED]?: () => boolean })[PEEK_ABORTED];
  return peek ? peek.call(options) : options.signal?.aborted === true;
}
const EMPTY_META: Readonly<Record<string, unknown>> = Object.freeze({});

/** The context every handler gets, built per call from the server's (or the test's) options. */
export function createHandlerContext(who: string, options: HandlerCallOptions): HandlerContext {
  return new CallContext(who, options);
}

/** A tool handler's context: the same, plus the tool's name and the CLI's `tool_use` id. */
export function createToolContext(
  toolName: string,
  options: HandlerCallOptions,
): HandlerContext & { readonly toolName: string; readonly toolUseId: string | undefined } {
  return new ToolCallContext(toolName, options);
}

/**
 * One object per call. Its methods are made (bound, so handlers may destructure them) only when a
 * handler reads them, and `options.signal` is read only when the handler does: the in-process hot
 * path allocates nothing else.
 */
class CallContext implements HandlerContext {
  readonly #who: string;
  readonly #options: HandlerCallOptions;
  readonly meta: Readonly<Record<string, unknown>>;

  constructor(who: string, options: HandlerCallOptions) {
    this.#who = who;
    this.#options = options;
    this.meta = options.meta ?? EMPTY_META;
  }

  get closeStream(): () => void {
    return () => this.#closeStream();
  }

  get reportProgress(): (progress: ToolProgress) => Promise<void> {
    return (progress) => this.#reportProgress(progress);
  }

  get log(): (level: LoggingLevel, data: unknown) => Promise<void> {
    return (level, data) => this.#log(level, data);
  }

  get createMessage(): (params: CreateMessageRequestParams) => Promise<CreateMessageResult> {
    return (params) => this.#createMessage(params);
  }

  get listRoots(): () => Promise<Root[]> {
    return () => this.#listRoots();
  }

  get elicit(): HandlerContext['elicit'] {
    return (message, schema) => this.#elicit(message, schema);
  }

  get signal(): AbortSignal {
    return this.#options.signal ?? NEVER_ABORTED;
  }

  get clientCapabilities(): ClientCapabilities | undefined {
    return this.#options.client?.capabilities;
  }

  get authInfo(): AuthInfo | undefined {
    return this.#options.authInfo;
  }

  #closeStream(): void {
    this.#options.closeStream?.();
  }

  async #reportProgress(progress: ToolProgress): Promise<void> {
    const { onProgress } = this.#options;
    if (!onProgress || isAborted(this.#options)) return;
    try {
      await onProgress(progress);
    } catch {
      // Progress is best effort: a closed connection must not fail the call.
    }
  }

  async #log(level: LoggingLevel, data: unknown): Promise<void> {
    const { onLog } = this.#options;
    if (!onLog || isAborted(this.#options)) return;
    try {
      await onLog(level, data);
    } catch {
      // Logging is best effort.
    }
  }

  async #createMessage(params: CreateMessageRequestParams): Promise<CreateMessageResult> {
    return parse(
      'sampling/createMessage',
      CreateMessageResultSchema,
      await this.#ask(
        'sampling',
        'sampling/createMessage',
        params as unknown as Record<string, unknown>,
      ),
    );
  }

  async #listRoots(): Promise<Root[]> {
    return parse<{ roots: Root[] }>(
      'roots/list',
      ListRootsResultSchema as never,
      await this.#ask('roots', 'roots/list', {}),
    ).roots;
  }

  async #elicit<S extends ToolSchema>(
    message: string,
    schema: S,
  ): Promise<ElicitOutcome<InferSchemaOutput<S>>> {
    const where = `elicitation schema of ${this.#who}`;
    const detected = detectSchema(schema, where);
    const requestedSchema = toJsonSchema(detected, 'input', where);
    const validate = createValidator(detected, requestedSchema, where);
    const answer = parse<{ action: string; content?: Record<string, unknown> }>(
      'elicitation/create',
      ElicitResultSchema,
      await this.#ask('elicitation', 'elicitation/create', {
        mode: 'form',
        message,
        requestedSchema: {
          type: 'object',
          properties: requestedSchema.properties ?? {},
          ...(requestedSchema.required !== undefined && { required: requestedSchema.required }),
        },
      }),
    );
    if (answer.action !== 'accept') {
      return { action: answer.action } as ElicitOutcome<InferSchemaOutput<S>>;
    }
    const checked = await validate(answer.content ?? {});
    if (!checked.ok) {
      throw new ClientRequestError(
        'INVALID_CLIENT_RESPONSE',
        `The user's answer to "${message}" does not match the elicitation schema:\n${formatIssues(checked.issues)}`,
      );
    }
    return { action: 'accept', content: checked.value as InferSchemaOutput<S> };
  }

  #ask(
    capability: 'sampling' | 'elicitation' | 'roots',
    method: string,
    params: Record<string, unknown>,
  ): Promise<unknown> {
    const { client, signal } = this.#options;
    if (!client) {
      throw new ClientRequestError(
        'NO_CLIENT',
        `${this.#who} sent ${method} but runs without a client. Serve it, or pass { client } to call() in tests.`,
      );
    }
    if (client.capabilities?.[capability] === undefined) {
      throw new ClientRequestError(
        'CLIENT_CAPABILITY_MISSING',
        `${this.#who} sent ${method}, but the client did not declare the "${capability}" capability. ` +
          `Check context.clientCapabilities first and fall back when it is missing.`,
      );
    }
    return client.request(method, params, signal ?? NEVER_ABORTED);
  }
}

/** One class, so every tool call's context has the same shape (no properties added later). */
class ToolCallContext extends CallContext {
  readonly toolName: string;
  readonly toolUseId: string | undefined;

  constructor(toolName: string, options: HandlerCallOptions) {
    super(`Tool "${toolName}"`, options);
    this.toolName = toolName;
    const toolUseId = this.meta['claudecode/toolUseId'];
    this.toolUseId = typeof toolUseId === 'string' ? toolUseId : undefined;
  }
}

function parse<T>(
  method: string,
  schema: {
    safeParse(v: unknown): { success: boolean; data?: T; error?: { message: string } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ClientRequestError(
      'INVALID_CLIENT_RESPONSE',
      `The client's answer to ${method} is not valid MCP: ${result.error?.message ?? 'unknown problem'}.`,
    );
  }
  return result.data as T;
}
