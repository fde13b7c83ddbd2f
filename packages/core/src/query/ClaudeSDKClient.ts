import { CLIConnectionError } from '../errors/CLIConnectionError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import { validateOptions } from '../options/validateOptions.js';
import { Session, type UserInput } from '../session/Session.js';
import { SessionControls } from '../session/SessionControls.js';
import type { Transport } from '../transport/Transport.js';

/**
 * An interactive, multi-turn session on one CLI process: send turns when you like, read the
 * answers, interrupt, switch model or permission mode. stdin stays open until `disconnect()`.
 *
 * ```ts
 * await using client = new ClaudeSDKClient(options);
 * await client.connect();
 * await client.query('Hello');
 * for await (const message of client.receiveResponse()) console.log(message.type);
 * ```
 */
export class ClaudeSDKClient extends SessionControls implements AsyncDisposable {
  private session: Session | undefined;

  private readonly options: ClaudeAgentOptions;

  constructor(
    options: ClaudeAgentOptions = {},
    private readonly transport?: Transport,
  ) {
    super();
    this.options = validateOptions(options);
  }

  /** Start the CLI and wait until it is ready; optionally send a first prompt. */
  async connect(prompt?: string | AsyncIterable<UserInput>): Promise<void> {
    if (this.session && !this.session.isClosed) {
      throw new CLIConnectionError('This client is already connected; call disconnect() first.');
    }
    const session = new Session(this.options, this.transport);
    this.session = session;
    try {
      await session.serverInfo();
    } catch (error) {
      await session.close();
      throw error;
    }
    if (prompt !== undefined) await this.query(prompt);
  }

  /** Send a turn (or a stream of turns). Returns once written; read the answer with `receiveResponse()`. */
  async query(prompt: string | AsyncIterable<UserInput>, sessionId?: string): Promise<void> {
    const session = this.connected();
    if (typeof prompt === 'string') {
      await session.send(prompt, sessionId);
      return;
    }
    for await (const message of prompt) await session.send(message);
  }

  /** Every message until the session ends. */
  async *receiveMessages(): AsyncGenerator<SDKMessage, void, undefined> {
    const session = this.connected();
    for (;;) {
      const item = await session.messages.next();
      if (item.done) return;
      yield item.value;
    }
  }

  /** Messages up to and including the next `result`. Breaking out early keeps the session. */
  async *receiveResponse(): AsyncGenerator<SDKMessage, void, undefined> {
    for await (const message of this.receiveMessages()) {
      yield message;
      if (message.type === 'result') return;
    }
  }

  /** The session id, once the CLI has reported it. */
  get sessionId(): string | undefined {
    return this.session?.sessionId;
  }

  /** Close stdin: turns already sent complete, then the CLI exits. */
  endInput(): void {
    this.connected().endInput();
  }

  /** End the session and the CLI. Safe to call more than once. */
  async disconnect(): Promise<void> {
    await this.session?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.disconnect();
  }

  protected async controlSession(): Promise<Session> {
    return this.connected();
  }

  private connected(): Session {
    const session = this.session;
    if (!session) throw new CLIConnectionError('Not connected: call connect() first.');
    return session;
  }
}
