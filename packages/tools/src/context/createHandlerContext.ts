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
import type { LoggingLevel, Root } from '@modelcontextprotocol/sdk/spec.types.js';
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
const EMPTY_META: Readonly<Record<string, unknown>> = Object.freeze({});

/** The context every handler gets, built per call from the server's (or the test's) options. */
export function createHandlerContext(who: string, options: HandlerCallOptions): HandlerContext {
  // Read lazily: the in-process fast path makes a signal only for handlers that look at it.
  const aborted = (): boolean => options.signal?.aborted === true;
  const { onProgress, onLog, client } = options;

  const ask = async (
    capability: 'sampling' | 'elicitation' | 'roots',
    method: string,
    params: Record<string, unknown>,
  ): Promise<unknown> => {
    if (!client) {
      throw new ClientRequestError(
        'NO_CLIENT',
        `${who} sent ${method} but runs without a client. Serve it, or pass { client } to call() in tests.`,
      );
    }
    if (client.capabilities?.[capability] === undefined) {
      throw new ClientRequestError(
        'CLIENT_CAPABILITY_MISSING',
        `${who} sent ${method}, but the client did not declare the "${capability}" capability. ` +
          `Check context.clientCapabilities first and fall back when it is missing.`,
      );
    }
    return client.request(method, params, options.signal ?? NEVER_ABORTED);
  };

  const parse = <T>(
    method: string,
    schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { message: string } } },
    value: unknown,
  ): T => {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new ClientRequestError(
        'INVALID_CLIENT_RESPONSE',
        `The client's answer to ${method} is not valid MCP: ${result.error?.message ?? 'unknown problem'}.`,
      );
    }
    return result.data as T;
  };

  return {
    get signal() {
      return options.signal ?? NEVER_ABORTED;
    },
    meta: options.meta ?? EMPTY_META,
    clientCapabilities: client?.capabilities,
    authInfo: options.authInfo,
    closeStream: () => options.closeStream?.(),
    reportProgress: async (progress: ToolProgress) => {
      if (!onProgress || aborted()) return;
      try {
        await onProgress(progress);
      } catch {
        // Progress is best effort: a closed connection must not fail the call.
      }
    },
    log: async (level, data) => {
      if (!onLog || aborted()) return;
      try {
        await onLog(level, data);
      } catch {
        // Logging is best effort.
      }
    },
    createMessage: async (params) =>
      parse(
        'sampling/createMessage',
        CreateMessageResultSchema,
        await ask(
          'sampling',
          'sampling/createMessage',
          params as unknown as Record<string, unknown>,
        ),
      ),
    listRoots: async () =>
      parse<{ roots: Root[] }>(
        'roots/list',
        ListRootsResultSchema as never,
        await ask('roots', 'roots/list', {}),
      ).roots,
    elicit: async <S extends ToolSchema>(message: string, schema: S) => {
      const where = `elicitation schema of ${who}`;
      const detected = detectSchema(schema, where);
      const requestedSchema = toJsonSchema(detected, 'input', where);
      const validate = createValidator(detected, requestedSchema, where);
      const answer = parse<{ action: string; content?: Record<string, unknown> }>(
        'elicitation/create',
        ElicitResultSchema,
        await ask('elicitation', 'elicitation/create', {
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
    },
  };
}
