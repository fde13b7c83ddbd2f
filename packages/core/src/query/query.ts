import type { SDKUserMessageInput } from '../messages/user.js';
import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import { validateOptions } from '../options/validateOptions.js';
import { Session, type UserInput } from '../session/Session.js';
import type { Transport } from '../transport/Transport.js';
import { Query } from './QueryGenerator.js';

export interface QueryParams {
  /** One turn as a string, or a stream of user messages (streaming input, multi-turn). */
  prompt: string | AsyncIterable<UserInput>;
  options?: ClaudeAgentOptions;
  /** Replace the CLI subprocess (replay fixtures, test doubles). */
  transport?: Transport;
}

/**
 * Run a session. Nothing starts until the first `next()` (or a control call), so a `Query` that
 * is never iterated never spawns a process.
 */
export function query({ prompt, options: given, transport }: QueryParams): Query {
  const options = validateOptions(given);
  return queryOnSession(new Session(options, transport), prompt, options);
}

/** A `Query` that sends `prompt` on `session` (started or not) at its first `next()`. */
export function queryOnSession(
  session: Session,
  prompt: string | AsyncIterable<UserInput>,
  options: ClaudeAgentOptions,
  before?: () => Promise<void>,
): Query {
  const send = (): void => {
    if (typeof prompt === 'string') {
      session.send(prompt).then(
        () => session.finishInput(),
        (error: unknown) => failAndClose(session, error),
      );
    } else {
      void pump(session, prompt);
    }
  };
  // `before` runs first (a spare's claim); if it fails, the prompt is never sent.
  const feed = before
    ? (): void => {
        before().then(send, (error: unknown) => failAndClose(session, error));
      }
    : send;
  return new Query(session, options.throwOnResultError ?? false, feed);
}

async function pump(session: Session, prompt: AsyncIterable<UserInput>): Promise<void> {
  try {
    for await (const message of prompt) {
      if (session.isClosed) return;
      await session.send(message as string | SDKUserMessageInput);
    }
    session.finishInput();
  } catch (error) {
    failAndClose(session, error);
  }
}

function failAndClose(session: Session, error: unknown): void {
  if (session.isClosed) return;
  session.messages.fail(error);
  void session.close();
}
