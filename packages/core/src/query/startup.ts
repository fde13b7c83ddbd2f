import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import { validateOptions } from '../options/validateOptions.js';
import { Session, type UserInput } from '../session/Session.js';
import type { Transport } from '../transport/Transport.js';
import { initializeWithin } from './initializeWithin.js';
import { queryOnSession } from './query.js';
import type { Query } from './QueryGenerator.js';

export interface StartupParams {
  options?: ClaudeAgentOptions;
  /** How long to wait for the CLI to start and answer `initialize`. Default: `controlTimeoutMs`, else 60 s. */
  initializeTimeoutMs?: number;
  /** Replace the CLI subprocess (test doubles). */
  transport?: Transport;
}

/**
 * A CLI process that is already running and initialized, waiting for its first prompt. Made by
 * `startup()`; `query()` on it sends the prompt straight to the ready process.
 */
export class WarmQuery implements AsyncDisposable {
  private used = false;
  private closed = false;

  /** @internal */
  constructor(
    private readonly session: Session,
    private readonly options: ClaudeAgentOptions,
  ) {}

  /** Send the first prompt (a string or a stream of turns) and read the session. Once per `WarmQuery`. */
  query(prompt: string | AsyncIterable<UserInput>): Query {
    if (this.used) {
      throw new InvalidArgumentError(
        'WarmQuery.query',
        'prompt',
        'was already sent: a warm process serves one query; call startup() again for another',
      );
    }
    // A CLI that died while waiting is reported by the Query itself (a ProcessError).
    if (this.closed) {
      throw new InvalidArgumentError(
        'WarmQuery.query',
        'prompt',
        'cannot be sent: this warm process was closed; call startup() again',
      );
    }
    this.used = true;
    return queryOnSession(this.session, prompt, this.options);
  }

  /** End the process without sending a prompt. Idempotent; a `Query` already made owns the process. */
  close(): Promise<void> {
    if (this.used) return Promise.resolve();
    this.closed = true;
    return this.session.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Start the CLI and finish its `initialize` handshake now, so the first prompt does not wait for
 * the process to boot. Options are fixed here (they travel on the command line and at
 * initialize); nothing is sent to the model until `query()` is called on the result.
 *
 * ```ts
 * const warm = await startup({ options });
 * // … later, when the user asks:
 * for await (const message of warm.query('Hello')) console.log(message.type);
 * ```
 */
export async function startup(params: StartupParams = {}): Promise<WarmQuery> {
  const options = validateOptions(params.options);
  const session = new Session(options, params.transport);
  await initializeWithin(session, 'startup', params.initializeTimeoutMs, options);
  return new WarmQuery(session, options);
}
