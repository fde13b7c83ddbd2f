import { z } from 'zod';
import type { ClaudeAgentOptions } from './ClaudeAgentOptions.js';

// The one run-time description of `ClaudeAgentOptions`. Checked once, when `query()` or
// `ClaudeSDKClient` is called, so a typo or a wrong type fails at the call that made it, not as
// a raw `TypeError` deep inside the transport.

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  message: 'expected a function',
});
const strings = z.array(z.string());
const stringRecord = z.record(z.string(), z.string());
const positiveInt = z.number().int().positive();
const nonNegative = z.number().nonnegative();
const grace = z.number().int().nonnegative();
const delivery = z.enum(['argv', 'initialize']);
// As the CLI matches them: a skill's directory name (or `plugin:skill`), so no padding, no
// characters that would break the `Skill(name)` rule, nothing invisible.
const skillName = z
  .string()
  .min(1)
  .refine((name) => name === name.trim() && !/[(),\p{Cc}]/u.test(name), {
    message: 'a skill name has no surrounding spaces, parentheses, commas or control characters',
  });

const mcpServer = z.union([
  z.object({
    type: z.literal('stdio').optional(),
    command: z.string().min(1),
    args: strings.optional(),
    env: stringRecord.optional(),
  }),
  z.object({
    type: z.enum(['sse', 'http']),
    url: z.string().min(1),
    headers: stringRecord.optional(),
    tools: z
      .array(
        z.object({
          name: z.string(),
          permission_policy: z.enum(['always_allow', 'always_ask', 'always_deny']).optional(),
          org_max_permission: z.enum(['allow', 'ask', 'blocked']).optional(),
        }),
      )
      .optional(),
  }),
  z.object({
    type: z.literal('sdk'),
    name: z.string().min(1),
    instance: z.custom<object>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { handleMessage?: unknown }).handleMessage === 'function',
      { message: 'expected an in-process MCP server (createSdkMcpServer())' },
    ),
  }),
]);

const hookMatcher = z.object({
  matcher: z.string().optional(),
  hooks: z.array(fn),
  timeout: z.number().positive().optional(),
});

const agent = z.object({
  description: z.string(),
  prompt: z.string(),
  tools: strings.optional(),
  disallowedTools: strings.optional(),
  model: z.string().optional(),
  mcpServers: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
});

const shape = {
  model: z.string().min(1),
  fallbackModel: z.string().min(1),
  systemPrompt: z.union([
    z.string(),
    z.array(z.string()).min(1),
    z.object({
      type: z.literal('custom'),
      prompt: z.union([z.string(), z.array(z.string()).min(1)]),
      snapshot: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('preset'),
      preset: z.literal('claude_code'),
      append: z.string().optional(),
      excludeDynamicSections: z.boolean().optional(),
      snapshot: z.boolean().optional(),
    }),
  ]),
  maxTurns: positiveInt,
  maxBudgetUsd: nonNegative,
  maxThinkingTokens: z.number().int().nonnegative(),
  thinking: z.discriminatedUnion('type', [
    z.object({ type: z.literal('adaptive') }),
    z.object({ type: z.literal('enabled'), budgetTokens: positiveInt }),
    z.object({ type: z.literal('disabled') }),
  ]),
  effort: z.enum(['low', 'medium', 'high', 'xhigh', 'max']),
  betas: strings,
  taskBudget: z.strictObject({ total: positiveInt }),
  cwd: z.string().min(1),
  env: z.record(z.string(), z.string().optional()),
  user: z.string().min(1),
  addDirs: strings,
  cliPath: z.string().min(1),
  executable: z.string().min(1),
  executableArgs: strings,
  spawnClaudeCodeProcess: fn,
  projectConfigRoot: z.string().min(1),
  tools: z.union([
    strings,
    z.object({ type: z.literal('preset'), preset: z.literal('claude_code') }),
  ]),
  allowedTools: strings,
  disallowedTools: strings,
  toolAliases: stringRecord,
  mcpServers: z.record(z.string(), mcpServer),
  strictMcpConfig: z.boolean(),
  mcpServersDelivery: delivery,
  toolConfig: z.strictObject({
    askUserQuestion: z
      .strictObject({ previewFormat: z.enum(['markdown', 'html']).optional() })
      .optional(),
  }),
  skills: z.union([z.literal('all'), z.array(skillName)]),
  permissionMode: z.enum([
    'default',
    'acceptEdits',
    'plan',
    'bypassPermissions',
    'dontAsk',
    'auto',
  ]),
  planModeInstructions: z.string(),
  allowDangerouslySkipPermissions: z.boolean(),
  canUseTool: fn,
  permissionPromptToolName: z.string().min(1),
  onElicitation: fn,
  onUserDialog: fn,
  supportedDialogKinds: strings,
  permissionPrompts: z.enum(['host', 'none']),
  perTaskStopAffordance: z.boolean(),
  hooks: z.record(z.string(), z.array(hookMatcher)),
  continueConversation: z.boolean(),
  resume: z.string().min(1),
  forkSession: z.boolean(),
  resumeSessionAt: z.string().min(1),
  resumeDropsTurn: z.string().min(1),
  sessionId: z.string().min(1),
  persistSession: z.boolean(),
  title: z.string(),
  sessionStore: z.custom<object>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { append?: unknown }).append === 'function' &&
      typeof (v as { load?: unknown }).load === 'function',
    { message: 'expected a SessionStore (an object with append() and load())' },
  ),
  sessionStoreFlush: z.enum(['batched', 'eager']),
  loadTimeoutMs: positiveInt,
  outputFormat: z.object({
    type: z.literal('json_schema'),
    schema: z.record(z.string(), z.unknown()),
  }),
  includePartialMessages: z.boolean(),
  forwardSubagentText: z.boolean(),
  promptSuggestions: z.boolean(),
  includeHookEvents: z.boolean(),
  enableFileCheckpointing: z.boolean(),
  debug: z.boolean(),
  debugFile: z.string().min(1),
  agentProgressSummaries: z.boolean(),
  verbatimPrompts: z.boolean(),
  settingSources: z.array(z.enum(['user', 'project', 'local'])),
  settings: z.union([z.string(), z.record(z.string(), z.unknown())]),
  agents: z.record(z.string(), agent),
  agent: z.string().min(1),
  plugins: z.array(z.object({ type: z.literal('local'), path: z.string().min(1) })),
  pluginDelivery: delivery,
  managedSettings: z.record(z.string(), z.unknown()),
  sandbox: z.record(z.string(), z.unknown()),
  stderr: fn,
  extraArgs: z.record(z.string(), z.string().nullable()),
  abortSignal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, {
    message: 'expected an AbortSignal',
  }),
  controlTimeoutMs: nonNegative,
  shutdownGraceMs: grace,
  killGraceMs: grace,
  pipeGraceMs: grace,
  throwOnResultError: z.boolean(),
  onWarning: fn,
  trace: z.union([z.string().min(1), fn]),
} satisfies Record<keyof ClaudeAgentOptions, z.ZodType>;

// Every option has a schema and every schema an option: adding one without the other fails here.
type MissingFromSchema = Exclude<keyof ClaudeAgentOptions, keyof typeof shape>;
const _complete: [MissingFromSchema] extends [never] ? true : MissingFromSchema = true;
void _complete;

export const OPTION_KEYS = Object.keys(shape) as (keyof ClaudeAgentOptions)[];

export const optionsSchema = z.strictObject(
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof shape]: z.ZodOptional<(typeof shape)[K]>;
  },
);
