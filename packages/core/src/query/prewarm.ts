import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { AgentDefinition, ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import { validateOptions } from '../options/validateOptions.js';
import type { PermissionMode } from '../permissions/types.js';
import { Session, type UserInput } from '../session/Session.js';
import type { Transport } from '../transport/Transport.js';
import { initializeWithin } from './initializeWithin.js';
import { queryOnSession } from './query.js';
import type { Query } from './QueryGenerator.js';

/** What a spare learns at its claim: the session's folder and the per-session settings. */
export interface ClaimOptions {
  /** The session's working directory (required). */
  cwd: string;
  /** Per-session variables; the CLI takes only its claim allow-list (tokens, host session id). */
  env?: Record<string, string>;
  addDirs?: string[];
  permissionMode?: PermissionMode;
  /** Set right after the claim, before the prompt (`setModel()`). */
  model?: string;
  appendSystemPrompt?: string;
  title?: string;
  agents?: Record<string, AgentDefinition>;
  /** Set right after the claim, before the prompt (`setMaxThinkingTokens()`); `null` clears it. */
  maxThinkingTokens?: number | null;
  /**
   * A flag-tier settings overlay, as `applyFlagSettings()`. Sent before the claim, so it decides
   * which of the folder's MCP servers and plugins start; if the CLI refuses it, nothing else is
   * sent and the spare is closed. `model`, `agent`, `fastMode`, `permissions`, `availableModels`
   * and `disableAutoMode` follow right after the claim, before the prompt. Hook settings (`hooks`,
   * `disableAllHooks`, `allowManagedHooksOnly`, `allowedHttpHookUrls`, `httpHookAllowedEnvVars`)
   * cannot change at a claim: give them to `prewarm()` in `options.settings`.
   */
  settings?: Record<string, unknown>;
}

/** Settings a claim cannot take: hooks are bound when the spare boots. */
const HOOK_SETTINGS = [
  'hooks',
  'disableAllHooks',
  'allowManagedHooksOnly',
  'allowedHttpHookUrls',
  'httpHookAllowedEnvVars',
] as const;
/** Settings applied after the claim: they concern the session, not which servers start. */
const AFTER_CLAIM_SETTINGS = new Set([
  'model',
  'agent',
  'fastMode',
  'permissions',
  'availableModels',
  'disableAutoMode',
]);

/** The CLI's answer to a claim. */
export interface ClaimResult {
  sessionId: string;
  /** The canonical folder the session runs in. */
  cwd: string | undefined;
  /** How long the process waited parked, in ms. */
  parkedMs: number | undefined;
}

export interface PrewarmParams {
  /** Host-level options, fixed for the spare's life (cwd is a parking folder unless given). */
  options?: ClaudeAgentOptions;
  /** How long to wait for the spare to start and answer `initialize`. Default 60 s. */
  initializeTimeoutMs?: number;
  /** Replace the CLI subprocess (test doubles). */
  transport?: Transport;
}

/**
 * A CLI process started before the folder of its session is known (`--await-claim`): it has
 * booted, loaded tools, MCP servers and hooks, and answered `initialize`. `claim()` binds it to a
 * folder and sends the first prompt; a claim the CLI refuses (see `ClaimOptions.env`) fails the
 * query and `claimed` with a `ControlError`, and the host starts the session with `query()`.
 */
export class SpareProcess implements AsyncDisposable {
  private claimPromise: Promise<ClaimResult> | undefined;
  private closed = false;

  /** @internal */
  constructor(
    private readonly session: Session,
    private readonly options: ClaudeAgentOptions,
    private readonly parking: string | undefined,
  ) {}

  /** Settles once `claim()` was called: the CLI's answer, or why it refused. */
  get claimed(): Promise<ClaimResult> {
    if (!this.claimPromise) {
      return Promise.reject(
        new InvalidArgumentError('SpareProcess.claimed', 'claim', 'was not called yet'),
      );
    }
    return this.claimPromise;
  }

  /** Bind the spare to a folder and send the first prompt. Once per spare. */
  claim(params: { prompt: string | AsyncIterable<UserInput>; options: ClaimOptions }): Query {
    if (this.claimPromise || this.closed) {
      throw new InvalidArgumentError(
        'SpareProcess.claim',
        'prompt',
        this.closed
          ? 'cannot be sent: the spare was closed; prewarm() another'
          : 'was already sent: a spare serves one session',
      );
    }
    const claim = params.options;
    if (typeof claim?.cwd !== 'string' || claim.cwd === '') {
      throw new InvalidArgumentError(
        'SpareProcess.claim',
        'options.cwd',
        'must be the session folder',
      );
    }
    const hookSettings = HOOK_SETTINGS.filter((key) => claim.settings?.[key] !== undefined);
    if (hookSettings.length) {
      throw new InvalidArgumentError(
        'SpareProcess.claim',
        'options.settings',
        `sets hook settings (${hookSettings.join(', ')}), which cannot change at a claim: give them to prewarm() in options.settings (nothing was sent; the spare can still be claimed)`,
      );
    }
    const { maxThinkingTokens } = claim;
    if (
      maxThinkingTokens !== undefined &&
      maxThinkingTokens !== null &&
      !(Number.isInteger(maxThinkingTokens) && maxThinkingTokens >= 0)
    ) {
      throw new InvalidArgumentError(
        'SpareProcess.claim',
        'options.maxThinkingTokens',
        'must be a non-negative integer or null',
      );
    }
    const [beforeClaim, afterClaim] = splitSettings(claim.settings);
    const fields = {
      cwd: claim.cwd,
      ...(claim.env ? { env: claim.env } : {}),
      ...(claim.addDirs ? { additional_directories: claim.addDirs } : {}),
      ...(claim.permissionMode ? { permission_mode: claim.permissionMode } : {}),
      ...(claim.appendSystemPrompt !== undefined
        ? { append_system_prompt: claim.appendSystemPrompt }
        : {}),
      ...(claim.title !== undefined ? { title: claim.title } : {}),
      ...(claim.agents ? { agents: claim.agents } : {}),
    };
    const { control } = this.session;
    const claimed = (async (): Promise<ClaimResult> => {
      // A refused overlay rejects here: the claim and the prompt are not sent, the spare closes.
      if (beforeClaim) await control.request('apply_flag_settings', { settings: beforeClaim });
      const answer = await control.request('claim_session', fields);
      if (typeof answer.session_id === 'string') this.session.sessionId = answer.session_id;
      // The process left its parking folder for the session's.
      if (this.parking) await rm(this.parking, { recursive: true, force: true });
      if (claim.model !== undefined) await control.request('set_model', { model: claim.model });
      if (maxThinkingTokens !== undefined) {
        await control.request('set_max_thinking_tokens', {
          max_thinking_tokens: maxThinkingTokens,
        });
      }
      if (afterClaim) await control.request('apply_flag_settings', { settings: afterClaim });
      return {
        sessionId: String(answer.session_id ?? ''),
        cwd: typeof answer.cwd === 'string' ? answer.cwd : undefined,
        parkedMs: typeof answer.parked_ms === 'number' ? answer.parked_ms : undefined,
      };
    })();
    // Whoever only reads the query still gets the refusal there; keep `claimed` from going unhandled.
    claimed.catch(() => {});
    this.claimPromise = claimed;
    return queryOnSession(this.session, params.prompt, this.options, async () => {
      await claimed;
    });
  }

  /** End a spare that was not claimed (a claimed one belongs to its query). Idempotent. */
  async close(): Promise<void> {
    if (!this.claimPromise) {
      this.closed = true;
      await this.session.close();
    }
    if (this.parking && this.closed) await rm(this.parking, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** A claim's settings overlay: what goes before the claim, and what after it. */
function splitSettings(
  settings: Record<string, unknown> | undefined,
): [Record<string, unknown> | undefined, Record<string, unknown> | undefined] {
  if (!settings) return [undefined, undefined];
  const entries = Object.entries(settings).filter(([, value]) => value !== undefined);
  const before = entries.filter(([key]) => !AFTER_CLAIM_SETTINGS.has(key));
  const after = entries.filter(([key]) => AFTER_CLAIM_SETTINGS.has(key));
  return [
    before.length ? Object.fromEntries(before) : undefined,
    after.length ? Object.fromEntries(after) : undefined,
  ];
}

/**
 * Start a spare CLI process now, before the session's folder is known; bind it later with
 * `claim()`. Options given here are fixed for the spare (executable, tools, MCP servers, hooks,
 * `canUseTool`, settings sources, env); `ClaimOptions` carries the per-session ones.
 */
export async function prewarm(params: PrewarmParams = {}): Promise<SpareProcess> {
  const given = validateOptions(params.options);
  // A neutral folder to park in: never the session's, so no project settings load before the claim.
  const parking =
    given.cwd === undefined ? await mkdtemp(join(tmpdir(), 'agentsdk-spare-')) : undefined;
  const options: ClaudeAgentOptions = {
    ...given,
    ...(parking ? { cwd: parking } : {}),
    extraArgs: { ...given.extraArgs, 'await-claim': null },
  };
  const session = new Session(options, params.transport);
  try {
    await initializeWithin(session, 'prewarm', params.initializeTimeoutMs, given);
  } catch (error) {
    if (parking) await rm(parking, { recursive: true, force: true });
    throw error;
  }
  return new SpareProcess(session, given, parking);
}
