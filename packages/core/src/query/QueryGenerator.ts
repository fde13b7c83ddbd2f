import { ResultError } from '../errors/ResultError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import type { SDKResultMessage } from '../messages/result.js';
import type { Session } from '../session/Session.js';
import { SessionControls } from '../session/SessionControls.js';

/**
 * The messages of one session, as an async generator, plus the session's controls.
 * Breaking out of `for await`, `return()`, `throw()` and `close()` all end the CLI.
 */
export class Query
  extends SessionControls
  implements AsyncGenerator<SDKMessage, void, undefined>, AsyncDisposable
{
  private begun = false;

  constructor(
    private readonly session: Session,
    private readonly throwOnResultError: boolean,
    private readonly begin: () => void = () => {},
  ) {
    super();
  }

  next(): Promise<IteratorResult<SDKMessage, void>> {
    // Hot path (one call per message): a queued message needs no extra async frame or promise.
    if (this.begun && this.session.messages.size > 0 && !this.throwOnResultError) {
      return this.session.messages.next();
    }
    return this.slowNext();
  }

  private async slowNext(): Promise<IteratorResult<SDKMessage, void>> {
    try {
      if (!this.begun) await this.controlSession();
      const item = await this.session.messages.next();
      if (item.done) {
        await this.session.close();
        return item;
      }
      if (this.throwOnResultError && item.value.type === 'result' && item.value.is_error) {
        throw new ResultError(item.value as SDKResultMessage);
      }
      return item;
    } catch (error) {
      await this.session.close();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<SDKMessage, void>> {
    await this.session.close();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<SDKMessage, void>> {
    await this.session.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.session.close();
  }

  /** End the session and the CLI. Idempotent. */
  close(): Promise<void> {
    return this.session.close();
  }

  /** Close the CLI's stdin. Turns already sent still complete. */
  endInput(): void {
    this.session.endInput();
  }

  /** The session id, once the CLI has reported it. */
  get sessionId(): string | undefined {
    return this.session.sessionId;
  }

  protected async controlSession(): Promise<Session> {
    if (!this.begun) {
      this.begun = true;
      this.begin();
    }
    await this.session.start();
    return this.session;
  }
}
