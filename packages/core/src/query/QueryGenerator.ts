import type { McpServerStatus, ServerInfo } from '../control/serverInfo.js';
import { ResultError } from '../errors/ResultError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import type { SDKResultMessage } from '../messages/result.js';
import type { PermissionMode } from '../permissions/types.js';
import type { Session } from '../session/Session.js';

/**
 * The messages of one session, as an async generator, plus the session's controls.
 * Breaking out of `for await`, `return()`, `throw()` and `close()` all end the CLI.
 */
export class Query implements AsyncGenerator<SDKMessage, void, undefined>, AsyncDisposable {
  constructor(
    private readonly session: Session,
    private readonly throwOnResultError: boolean,
    private readonly begin: () => void = () => {},
  ) {}

  private begun = false;

  async next(): Promise<IteratorResult<SDKMessage, void>> {
    try {
      await this.ensureStarted();
      const item = await this.session.messages.next();
      if (item.done) {
        await this.session.close();
        return { value: undefined, done: true };
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

  /** Stop the current turn; the session stays usable. */
  async interrupt(): Promise<void> {
    await this.control('interrupt');
  }

  async setPermissionMode(mode: PermissionMode): Promise<void> {
    await this.control('set_permission_mode', { mode });
  }

  /** Switch model for the next turns; no argument resets to the default. */
  async setModel(model?: string): Promise<void> {
    await this.control('set_model', model === undefined ? {} : { model });
  }

  async setMaxThinkingTokens(maxThinkingTokens: number | null): Promise<void> {
    await this.control('set_max_thinking_tokens', { max_thinking_tokens: maxThinkingTokens });
  }

  /** The CLI's answer to `initialize`: commands, models, account, version, … */
  getServerInfo(): Promise<ServerInfo> {
    return this.session.serverInfo();
  }

  async supportedCommands(): Promise<ServerInfo['commands']> {
    return (await this.getServerInfo()).commands ?? [];
  }

  async supportedModels(): Promise<NonNullable<ServerInfo['models']>> {
    return (await this.getServerInfo()).models ?? [];
  }

  async mcpServerStatus(): Promise<McpServerStatus[]> {
    const response = await this.control('mcp_status');
    return (response.mcpServers as McpServerStatus[] | undefined) ?? [];
  }

  /** Token usage of the context window, by category (the CLI counts with the API). */
  getContextUsage(): Promise<Record<string, unknown>> {
    return this.control('get_context_usage');
  }

  /** The settings the CLI applies, and where each came from. */
  getSettings(): Promise<Record<string, unknown>> {
    return this.control('get_settings');
  }

  /** Close the CLI's stdin. Turns already sent still complete. */
  endInput(): void {
    this.session.endInput();
  }

  /** The session id, once the CLI has reported it. */
  get sessionId(): string | undefined {
    return this.session.sessionId;
  }

  private async ensureStarted(): Promise<void> {
    if (!this.begun) {
      this.begun = true;
      this.begin();
    }
    await this.session.start();
  }

  private async control(
    subtype: string,
    fields?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    await this.ensureStarted();
    return this.session.control.request(subtype, fields);
  }
}
