import type {
  GetPromptResult,
  Icon,
  Prompt,
  PromptMessage,
} from '@modelcontextprotocol/sdk/spec.types.js';
import type { Completer } from '../completion/Completer.js';
import type { HandlerCallOptions } from '../context/createHandlerContext.js';
import type { HandlerContext } from '../context/HandlerContext.js';

export type { GetPromptResult, Prompt, PromptMessage };

/**
 * What a prompt handler returns: a string (one user text message), an array of messages (text,
 * image, audio, embedded resource, resource link content), or a full `{ messages, description? }`.
 */
export type PromptHandlerReturn = string | readonly PromptMessage[] | GetPromptResult;

/** What a prompt handler gets besides its arguments. */
export interface PromptContext extends HandlerContext {
  readonly promptName: string;
}

export type PromptHandler<Args> = (
  args: Args,
  context: PromptContext,
) => PromptHandlerReturn | Promise<PromptHandlerReturn>;

/** Optional settings of a prompt: the fifth argument of `prompt()`. */
export interface PromptExtras<Args> {
  title?: string;
  icons?: Icon[];
  _meta?: { [key: string]: unknown };
  /** Value suggestions per argument (`completion/complete`). Enum arguments complete by themselves. */
  complete?: { [Name in keyof Args & string]?: Completer };
}

/** A prompt made by `prompt()`. */
export interface PromptDefinition<Name extends string = string, Args = Record<string, string>> {
  readonly name: Name;
  readonly description: string;
  /** The `prompts/list` entry. */
  readonly listEntry: Prompt;
  readonly completers: Readonly<Record<string, Completer>>;
  /** The handler as written (no validation). */
  readonly handler: PromptHandler<Args>;
  /** Validate `args`, run the handler, check the messages. Throws `McpRequestError`. */
  get(args: unknown, options?: HandlerCallOptions): Promise<GetPromptResult>;
}

/** Any prompt definition, whatever its name and argument types. */
export type AnyPromptDefinition = PromptDefinition<string, never>;
