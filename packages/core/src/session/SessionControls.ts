import type { OutboundRequestOptions } from '../control/ControlRouter.js';
import type { McpServerStatus, ServerInfo } from '../control/serverInfo.js';
import type { PermissionMode } from '../permissions/types.js';
import type { Session } from './Session.js';

/**
 * The control requests a running session answers, shared by `Query` and `ClaudeSDKClient`.
 * Each resolves when the CLI has answered (a `ControlError` carries its refusal) and takes an
 * optional `{ timeoutMs, signal }` (default timeout: the `controlTimeoutMs` option, 60 s).
 */
export abstract class SessionControls {
  /** The session to talk to, started if need be. */
  protected abstract controlSession(): Promise<Session>;

  /** Stop the current turn; the session stays usable. */
  async interrupt(options?: OutboundRequestOptions): Promise<void> {
    await this.request('interrupt', {}, options);
  }

  async setPermissionMode(mode: PermissionMode, options?: OutboundRequestOptions): Promise<void> {
    await this.request('set_permission_mode', { mode }, options);
  }

  /** Switch model for the next turns; no model resets to the default. */
  async setModel(model?: string, options?: OutboundRequestOptions): Promise<void> {
    await this.request('set_model', model === undefined ? {} : { model }, options);
  }

  /** Thinking budget for the next turns; `null` clears it. */
  async setMaxThinkingTokens(
    maxThinkingTokens: number | null,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    await this.request(
      'set_max_thinking_tokens',
      { max_thinking_tokens: maxThinkingTokens },
      options,
    );
  }

  /** The CLI's answer to `initialize`: commands, models, account, version, … */
  async getServerInfo(): Promise<ServerInfo> {
    return (await this.controlSession()).serverInfo();
  }

  async supportedCommands(): Promise<ServerInfo['commands']> {
    return (await this.getServerInfo()).commands ?? [];
  }

  async supportedModels(): Promise<NonNullable<ServerInfo['models']>> {
    return (await this.getServerInfo()).models ?? [];
  }

  async mcpServerStatus(options?: OutboundRequestOptions): Promise<McpServerStatus[]> {
    const response = await this.request('mcp_status', {}, options);
    return (response.mcpServers as McpServerStatus[] | undefined) ?? [];
  }

  /** Token usage of the context window, by category (the CLI counts with the API). */
  getContextUsage(options?: OutboundRequestOptions): Promise<Record<string, unknown>> {
    return this.request('get_context_usage', {}, options);
  }

  /** The settings the CLI applies, and where each came from. */
  getSettings(options?: OutboundRequestOptions): Promise<Record<string, unknown>> {
    return this.request('get_settings', {}, options);
  }

  /** Any control request the CLI answers, by subtype — for ones without a method here. */
  async request(
    subtype: string,
    fields: Record<string, unknown> = {},
    options?: OutboundRequestOptions,
  ): Promise<Record<string, unknown>> {
    return (await this.controlSession()).control.request(subtype, fields, options);
  }
}
