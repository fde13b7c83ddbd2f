import type { McpServerStatus, ServerInfo } from '../control/serverInfo.js';
import type { PermissionMode } from '../permissions/types.js';
import type { Session } from './Session.js';

/**
 * The control requests a running session answers, shared by `Query` and `ClaudeSDKClient`.
 * Each resolves when the CLI has answered (a `ControlError` carries its refusal).
 */
export abstract class SessionControls {
  /** The session to talk to, started if need be. */
  protected abstract controlSession(): Promise<Session>;

  /** Stop the current turn; the session stays usable. */
  async interrupt(): Promise<void> {
    await this.request('interrupt');
  }

  async setPermissionMode(mode: PermissionMode): Promise<void> {
    await this.request('set_permission_mode', { mode });
  }

  /** Switch model for the next turns; no argument resets to the default. */
  async setModel(model?: string): Promise<void> {
    await this.request('set_model', model === undefined ? {} : { model });
  }

  /** Thinking budget for the next turns; `null` clears it. */
  async setMaxThinkingTokens(maxThinkingTokens: number | null): Promise<void> {
    await this.request('set_max_thinking_tokens', { max_thinking_tokens: maxThinkingTokens });
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

  async mcpServerStatus(): Promise<McpServerStatus[]> {
    const response = await this.request('mcp_status');
    return (response.mcpServers as McpServerStatus[] | undefined) ?? [];
  }

  /** Token usage of the context window, by category (the CLI counts with the API). */
  getContextUsage(): Promise<Record<string, unknown>> {
    return this.request('get_context_usage');
  }

  /** The settings the CLI applies, and where each came from. */
  getSettings(): Promise<Record<string, unknown>> {
    return this.request('get_settings');
  }

  private async request(
    subtype: string,
    fields?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return (await this.controlSession()).control.request(subtype, fields);
  }
}
