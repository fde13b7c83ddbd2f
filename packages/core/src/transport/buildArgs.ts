import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import type { ClaudeAgentOptions, McpServerConfig } from '../options/ClaudeAgentOptions.js';

/** The flags every session starts with: NDJSON both ways. */
export const BASE_ARGS = [
  '--output-format',
  'stream-json',
  '--verbose',
  '--input-format',
  'stream-json',
] as const;

/** Where JSON config goes instead of argv: `add` returns the file path to pass (see PrivateFiles). */
export interface ConfigFileSink {
  add(name: string, content: string): string;
}

/**
 * Options → CLI flags, valued flags as `--flag=value` so a value starting with `-` cannot be read
 * as a flag. User content (prompts, system prompt, schemas, hooks, agents) is not here: it goes
 * in the `initialize` request, which has no argv size limit. With `files`, the MCP config and
 * settings JSON go to files too (argv is readable by every user of the machine).
 */
export function buildArgs(options: ClaudeAgentOptions, files?: ConfigFileSink): string[] {
  const json = (name: string, value: string): string => (files ? files.add(name, value) : value);
  const args: string[] = [...BASE_ARGS];
  const flag = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) args.push(`--${name}=${value}`);
  };
  const bool = (name: string, value: boolean | undefined): void => {
    if (value) args.push(`--${name}`);
  };

  const { thinking } = options;
  if (thinking?.type === 'adaptive') flag('thinking', 'adaptive');
  else if (thinking?.type === 'disabled') flag('thinking', 'disabled');
  else if (thinking?.type === 'enabled') flag('max-thinking-tokens', thinking.budgetTokens);
  else flag('max-thinking-tokens', options.maxThinkingTokens);
  flag('effort', options.effort);
  flag('max-turns', options.maxTurns);
  flag('max-budget-usd', options.maxBudgetUsd);
  flag('task-budget', options.taskBudget?.total);
  flag('model', options.model);
  flag('agent', options.agent);
  if (options.betas?.length) flag('betas', options.betas.join(','));

  if (options.canUseTool && options.permissionPromptToolName) {
    throw new InvalidOptionsError(
      'canUseTool and permissionPromptToolName both answer permission prompts; pass only one of them.',
    );
  }
  if (options.canUseTool) flag('permission-prompt-tool', 'stdio');
  else flag('permission-prompt-tool', options.permissionPromptToolName);
  flag('permission-prompts', options.permissionPrompts);

  bool('continue', options.continueConversation);
  flag('resume', options.resume);
  const allowedTools = withSkillRules(options.allowedTools ?? [], options.skills);
  if (allowedTools.length) flag('allowedTools', allowedTools.join(','));
  if (options.disallowedTools?.length) flag('disallowedTools', options.disallowedTools.join(','));
  if (options.tools !== undefined) {
    flag('tools', Array.isArray(options.tools) ? options.tools.join(',') : 'default');
  }

  const external = externalMcpServers(options.mcpServers);
  if (external && options.mcpServersDelivery !== 'initialize') {
    args.push('--mcp-config', json('mcp-config', JSON.stringify({ mcpServers: external })));
  }

  // Omitted → load no filesystem settings (the documented SDK default), not the CLI's default.
  flag('setting-sources', (options.settingSources ?? []).join(','));
  bool('strict-mcp-config', options.strictMcpConfig);
  flag('permission-mode', options.permissionMode);
  bool('allow-dangerously-skip-permissions', options.allowDangerouslySkipPermissions);
  flag('fallback-model', options.fallbackModel);
  bool('include-partial-messages', options.includePartialMessages);
  bool('forward-subagent-text', options.forwardSubagentText);
  bool('include-hook-events', options.includeHookEvents);
  if (options.debugFile !== undefined) flag('debug-file', options.debugFile);
  else bool('debug', options.debug);
  flag('project-config-root', options.projectConfigRoot);
  for (const dir of options.addDirs ?? []) flag('add-dir', dir);
  // Config that travels in `initialize` must be there before the CLI boots its MCP servers and plugins.
  bool('await-initialize', readsInitializeAtBoot(options));
  bool('fork-session', options.forkSession);
  flag('resume-session-at', options.resumeSessionAt);
  flag('resume-drops-turn', options.resumeDropsTurn);
  flag('session-id', options.sessionId);
  if (options.persistSession === false) args.push('--no-session-persistence');
  // The CLI then also reports each transcript write on stdout (`transcript_mirror` frames).
  if (options.sessionStore !== undefined) args.push('--session-mirror');
  if (options.pluginDelivery !== 'initialize') {
    for (const plugin of options.plugins ?? []) flag('plugin-dir', plugin.path);
  }
  // JSON only: the CLI takes no file for the policy tier.
  if (options.managedSettings !== undefined)
    flag('managed-settings', JSON.stringify(options.managedSettings));

  const settings = settingsArg(options);
  if (settings !== undefined)
    flag('settings', settings.json ? json('settings', settings.value) : settings.value);

  for (const [name, value] of Object.entries(options.extraArgs ?? {})) {
    if (value === null) args.push(`--${name}`);
    else flag(name, value);
  }
  return args;
}

/**
 * `skills` as permission rules, as the CLI expects them: `'all'` → `Skill`, a list →
 * `Skill(name)` each (names are checked by the options schema).
 */
function withSkillRules(allowed: string[], skills: string[] | 'all' | undefined): string[] {
  if (skills === undefined) return allowed;
  const rules = skills === 'all' ? ['Skill'] : skills.map((name) => `Skill(${name})`);
  return [...allowed, ...rules.filter((rule) => !allowed.includes(rule))];
}

/** `initialize` carries MCP servers or plugins the CLI must load at boot. */
export function readsInitializeAtBoot(options: ClaudeAgentOptions): boolean {
  return (
    (options.mcpServersDelivery === 'initialize' &&
      externalMcpServers(options.mcpServers) !== undefined) ||
    (options.pluginDelivery === 'initialize' && (options.plugins?.length ?? 0) > 0)
  );
}

export function externalMcpServers(
  servers: Record<string, McpServerConfig> | undefined,
): Record<string, McpServerConfig> | undefined {
  if (!servers) return undefined;
  const entries = Object.entries(servers).filter(([, config]) => config.type !== 'sdk');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function settingsArg(options: ClaudeAgentOptions): { value: string; json: boolean } | undefined {
  const { settings, sandbox } = options;
  if (typeof settings === 'string') {
    if (sandbox) {
      throw new InvalidOptionsError(
        '`sandbox` cannot be merged into a settings file path; pass `settings` as an object instead.',
      );
    }
    return { value: settings, json: false };
  }
  if (!settings && !sandbox) return undefined;
  return { value: JSON.stringify(sandbox ? { ...settings, sandbox } : settings), json: true };
}
