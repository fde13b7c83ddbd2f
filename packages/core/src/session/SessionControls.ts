import type { OutboundRequestOptions } from '../control/ControlRouter.js';
import type {
  AccountInfo,
  AgentInfo,
  InterruptResult,
  McpPermissionOverride,
  McpSetServersResult,
  ReadFileResult,
  ReloadOutputStylesResult,
  ReloadPluginsResult,
  ReloadSkillsResult,
  RewindFilesResult,
  SettingsTarget,
  SlashCommand,
} from '../control/controlTypes.js';
import type {
  SDKControlListPermissionRulesResponse,
  SDKControlPermissionRulesState,
} from '../control/permissionRules.js';
import type { SDKControlGetContextUsageResponse } from '../control/contextUsage.js';
import type { SDKControlMcpReadResourceResponse } from '../control/mcpResource.js';
import type { McpServerStatus, ModelInfo, ServerInfo } from '../control/serverInfo.js';
import type { SDKControlGetUsageResponse } from '../control/usageReport.js';
import type { SessionSettings } from '../settings/types.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { readSdkMcpResource } from '../mcp/readSdkMcpResource.js';
import type { McpServerConfig, SdkPluginConfig } from '../options/ClaudeAgentOptions.js';
import type { PermissionMode } from '../permissions/types.js';
import type { Session, UserInput } from './Session.js';

/**
 * The control requests a running session answers, shared by `Query` and `ClaudeSDKClient`.
 * Each resolves when the CLI has answered (a `ControlError` carries its refusal) and takes
 * `{ timeoutMs, signal }` (default timeout: the `controlTimeoutMs` option, 60 s) — the official
 * SDK's equivalents wait without bound. Bad arguments throw `InvalidArgumentError` before
 * anything is sent.
 */
export abstract class SessionControls {
  /** The session to talk to, started if need be. */
  protected abstract controlSession(): Promise<Session>;

  /** Stop the current turn; the session stays usable. */
  async interrupt(options?: OutboundRequestOptions): Promise<InterruptResult> {
    return this.request('interrupt', {}, options);
  }

  async setPermissionMode(mode: PermissionMode, options?: OutboundRequestOptions): Promise<void> {
    text('setPermissionMode', 'mode', mode);
    await this.request('set_permission_mode', { mode }, options);
  }

  /** Switch model for the next turns; no model resets to the default. */
  async setModel(model?: string, options?: OutboundRequestOptions): Promise<void> {
    if (model !== undefined) text('setModel', 'model', model);
    await this.request('set_model', model === undefined ? {} : { model }, options);
  }

  /** Thinking budget for the next turns; `null` clears it. */
  async setMaxThinkingTokens(
    maxThinkingTokens: number | null,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    if (maxThinkingTokens !== null)
      count('setMaxThinkingTokens', 'maxThinkingTokens', maxThinkingTokens);
    await this.request(
      'set_max_thinking_tokens',
      { max_thinking_tokens: maxThinkingTokens },
      options,
    );
  }

  /** Approve (`auto`) or ask about (`default`) one MCP server's tools; `null` clears the override. */
  async setMcpPermissionModeOverride(
    serverName: string,
    mode: McpPermissionOverride,
    options?: OutboundRequestOptions,
  ): Promise<{ warning?: string }> {
    text('setMcpPermissionModeOverride', 'serverName', serverName);
    if (mode !== null && mode !== 'default' && mode !== 'auto') {
      throw new InvalidArgumentError(
        'setMcpPermissionModeOverride',
        'mode',
        'must be "default", "auto" or null',
      );
    }
    return this.request('set_mcp_permission_mode_override', { serverName, mode }, options);
  }

  /** Settings for this session only, as if passed with `--settings` (a key set to `null` clears it). */
  async applyFlagSettings(
    settings: Record<string, unknown>,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    record('applyFlagSettings', 'settings', settings);
    await this.request('apply_flag_settings', { settings }, options);
  }

  /** Write settings to the user's or the project's local settings file. */
  async updateSettings(
    target: SettingsTarget,
    settings: Record<string, unknown>,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    if (target !== 'localSettings' && target !== 'userSettings') {
      throw new InvalidArgumentError(
        'updateSettings',
        'target',
        'must be "localSettings" or "userSettings"',
      );
    }
    record('updateSettings', 'settings', settings);
    await this.request('update_settings', { source: target, settings }, options);
  }

  /** The CLI's answer to `initialize`: commands, models, agents, account, version, … */
  async getServerInfo(): Promise<ServerInfo> {
    return (await this.controlSession()).serverInfo();
  }

  /**
   * Send `initialize` again and return the CLI's fresh answer (commands, agents, models, … as
   * they are now); `getServerInfo()` keeps the first one. The request carries what the start
   * sent (hooks, agents, system prompt, in-process servers), as the official SDK's does.
   */
  async reinitialize(options?: OutboundRequestOptions): Promise<ServerInfo> {
    return (await this.controlSession()).reinitialize(options);
  }

  /** Same as `getServerInfo()`, by the official SDK's name. */
  initializationResult(): Promise<ServerInfo> {
    return this.getServerInfo();
  }

  async supportedCommands(): Promise<SlashCommand[]> {
    return ((await this.getServerInfo()).commands as SlashCommand[] | undefined) ?? [];
  }

  async supportedModels(): Promise<ModelInfo[]> {
    return (await this.getServerInfo()).models ?? [];
  }

  async supportedAgents(): Promise<AgentInfo[]> {
    return ((await this.getServerInfo()).agents as AgentInfo[] | undefined) ?? [];
  }

  async accountInfo(): Promise<AccountInfo> {
    return ((await this.getServerInfo()).account as AccountInfo | undefined) ?? {};
  }

  async mcpServerStatus(options?: OutboundRequestOptions): Promise<McpServerStatus[]> {
    const response = await this.request('mcp_status', {}, options);
    return (response.mcpServers as McpServerStatus[] | undefined) ?? [];
  }

  /** Reconnect a failed or disconnected MCP server. */
  async reconnectMcpServer(serverName: string, options?: OutboundRequestOptions): Promise<void> {
    text('reconnectMcpServer', 'serverName', serverName);
    await this.request('mcp_reconnect', { serverName }, options);
  }

  /** Enable or disable an MCP server for the rest of the session. */
  async toggleMcpServer(
    serverName: string,
    enabled: boolean,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    text('toggleMcpServer', 'serverName', serverName);
    flag('toggleMcpServer', 'enabled', enabled);
    await this.request('mcp_toggle', { serverName, enabled }, options);
  }

  /**
   * Read one resource of an MCP server. An in-process server of this session is asked here, any
   * URI (the CLI refuses them); the CLI reads the others (2.1.331: `ui://` resources only).
   */
  async readMcpResource(
    serverName: string,
    uri: string,
    options?: OutboundRequestOptions,
  ): Promise<SDKControlMcpReadResourceResponse> {
    text('readMcpResource', 'serverName', serverName);
    text('readMcpResource', 'uri', uri);
    const session = await this.controlSession();
    const inProcess = session.sdkMcpServer(serverName);
    if (inProcess) return readSdkMcpResource(inProcess, uri, session.controlTimeoutMs, options);
    const response = await this.request('mcp_read_resource', { serverName, uri }, options);
    return { ...response, contents: Array.isArray(response.contents) ? response.contents : [] };
  }

  /**
   * Replace the session's dynamic MCP servers (in-process ones included: they are served from
   * this process, as at start). Servers not listed are removed.
   */
  async setMcpServers(
    servers: Record<string, McpServerConfig>,
    options?: OutboundRequestOptions,
  ): Promise<McpSetServersResult> {
    record('setMcpServers', 'servers', servers);
    const session = await this.controlSession();
    const wire: Record<string, unknown> = {};
    const inProcess = new Map<string, McpServerConfig & { type: 'sdk' }>();
    for (const [name, config] of Object.entries(servers)) {
      if (typeof config !== 'object' || config === null) {
        throw new InvalidArgumentError(
          'setMcpServers',
          `servers.${name}`,
          'must be a server config object',
        );
      }
      if (config.type === 'sdk') {
        inProcess.set(name, config);
        wire[name] = { type: 'sdk', name: config.name };
      } else {
        wire[name] = config;
      }
    }
    session.setSdkMcpServers(new Map([...inProcess].map(([name, c]) => [name, c.instance])));
    const result = await session.control.request('mcp_set_servers', { servers: wire }, options);
    return { added: [], removed: [], errors: {}, ...result } as McpSetServersResult;
  }

  /**
   * Token usage of the context window, by category. `detail: 'full'` (the CLI's default) counts
   * each category with the API's token counting; `'summary'` estimates from the last response.
   */
  async getContextUsage(
    options: OutboundRequestOptions & { detail?: 'summary' | 'full' } = {},
  ): Promise<SDKControlGetContextUsageResponse> {
    const { detail, ...rest } = options;
    if (detail !== undefined && detail !== 'summary' && detail !== 'full') {
      throw new InvalidArgumentError('getContextUsage', 'detail', 'must be "summary" or "full"');
    }
    const fields = detail !== undefined ? { detail } : {};
    return (await this.request(
      'get_context_usage',
      fields,
      rest,
    )) as unknown as SDKControlGetContextUsageResponse;
  }

  /**
   * The session's cost and usage totals, plus plan rate limits for subscription logins (the
   * official SDK's `usage_EXPERIMENTAL_…()`; the shape may change with the CLI).
   * `skipBehaviors` skips the scan of local transcripts behind `behaviors`.
   */
  async usage(
    options: OutboundRequestOptions & { skipBehaviors?: boolean } = {},
  ): Promise<SDKControlGetUsageResponse> {
    const { skipBehaviors, ...rest } = options;
    return (await this.request(
      'get_usage',
      skipBehaviors ? { skip_behaviors: true } : {},
      rest,
    )) as unknown as SDKControlGetUsageResponse;
  }

  /** The settings the CLI applies, each source as read, and the files it skipped. */
  async getSettings(options?: OutboundRequestOptions): Promise<SessionSettings> {
    return (await this.request('get_settings', {}, options)) as SessionSettings;
  }

  /**
   * The session's live permission rules (settings files, `allowedTools`, session grants), each
   * with its source, plus the workspace directories: what `/permissions` lists in the terminal.
   */
  async listPermissionRules(
    options?: OutboundRequestOptions,
  ): Promise<SDKControlPermissionRulesState> {
    const response = await this.request('list_permission_rules', {}, options);
    return (
      (response as Partial<SDKControlListPermissionRulesResponse>).state ??
      (response as unknown as SDKControlPermissionRulesState)
    );
  }

  /** Read a file through the CLI (its permissions and path rules apply). */
  async readFile(
    path: string,
    options: OutboundRequestOptions & { maxBytes?: number; encoding?: 'utf-8' | 'base64' } = {},
  ): Promise<ReadFileResult> {
    text('readFile', 'path', path);
    const { maxBytes, encoding, ...rest } = options;
    if (maxBytes !== undefined) count('readFile', 'maxBytes', maxBytes);
    return (await this.request(
      'read_file',
      {
        path,
        ...(maxBytes !== undefined ? { max_bytes: maxBytes } : {}),
        ...(encoding !== undefined ? { encoding } : {}),
      },
      rest,
    )) as ReadFileResult;
  }

  /** Tell the CLI a file was read at `mtime` (ms), so it may edit it without reading it first. */
  async seedReadState(
    path: string,
    mtime: number,
    options?: OutboundRequestOptions,
  ): Promise<void> {
    text('seedReadState', 'path', path);
    count('seedReadState', 'mtime', mtime);
    await this.request('seed_read_state', { path, mtime }, options);
  }

  /** Restore files to their state before the given user message (needs file checkpointing). */
  async rewindFiles(
    userMessageId: string,
    options: OutboundRequestOptions & { dryRun?: boolean } = {},
  ): Promise<RewindFilesResult> {
    text('rewindFiles', 'userMessageId', userMessageId);
    const { dryRun, ...rest } = options;
    return (await this.request(
      'rewind_files',
      { user_message_id: userMessageId, ...(dryRun !== undefined ? { dry_run: dryRun } : {}) },
      rest,
    )) as RewindFilesResult;
  }

  async reloadPlugins(
    options: OutboundRequestOptions & {
      holdOnCacheImpact?: boolean;
      addPlugins?: SdkPluginConfig[];
      refuseIfBusy?: boolean;
    } = {},
  ): Promise<ReloadPluginsResult> {
    const { holdOnCacheImpact, addPlugins, refuseIfBusy, ...rest } = options;
    if (addPlugins !== undefined && !Array.isArray(addPlugins)) {
      throw new InvalidArgumentError('reloadPlugins', 'addPlugins', 'must be an array');
    }
    return (await this.request(
      'reload_plugins',
      {
        ...(holdOnCacheImpact ? { hold_on_cache_impact: true } : {}),
        ...(addPlugins?.length ? { add_plugins: addPlugins } : {}),
        ...(refuseIfBusy ? { refuse_if_busy: true } : {}),
      },
      rest,
    )) as ReloadPluginsResult;
  }

  async reloadSkills(options?: OutboundRequestOptions): Promise<ReloadSkillsResult> {
    return (await this.request('reload_skills', {}, options)) as ReloadSkillsResult;
  }

  async reloadOutputStyles(options?: OutboundRequestOptions): Promise<ReloadOutputStylesResult> {
    return (await this.request('reload_output_styles', {}, options)) as ReloadOutputStylesResult;
  }

  /** Stop a background task (a background shell, a subagent) by its task id. */
  async stopTask(taskId: string, options?: OutboundRequestOptions): Promise<void> {
    text('stopTask', 'taskId', taskId);
    await this.request('stop_task', { task_id: taskId }, options);
  }

  /**
   * Move running foreground work (one tool call, or all when omitted) to the background.
   * Resolves to whether anything was moved.
   */
  async backgroundTasks(toolUseId?: string, options?: OutboundRequestOptions): Promise<boolean> {
    if (toolUseId !== undefined) text('backgroundTasks', 'toolUseId', toolUseId);
    const response = await this.request(
      'background_tasks',
      toolUseId !== undefined ? { tool_use_id: toolUseId } : {},
      options,
    );
    return response.backgrounded !== false;
  }

  /** Send more user turns into the running session, in order. Resolves when all are written. */
  async streamInput(stream: AsyncIterable<UserInput>): Promise<void> {
    if (
      typeof (stream as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] !== 'function'
    ) {
      throw new InvalidArgumentError(
        'streamInput',
        'stream',
        'must be an AsyncIterable of user messages',
      );
    }
    const session = await this.controlSession();
    for await (const message of stream) {
      if (session.isClosed) return;
      await session.send(message);
    }
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

function text(method: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidArgumentError(
      method,
      name,
      `must be a non-empty string (got ${JSON.stringify(value)})`,
    );
  }
}

function count(method: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      method,
      name,
      `must be a finite number ≥ 0 (got ${JSON.stringify(value)})`,
    );
  }
}

function flag(method: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(
      method,
      name,
      `must be a boolean (got ${JSON.stringify(value)})`,
    );
  }
}

function record(method: string, name: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(method, name, 'must be a plain object');
  }
}
