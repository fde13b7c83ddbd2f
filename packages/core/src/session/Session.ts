import { randomUUID } from 'node:crypto';
import { ControlRouter, type OutboundRequestOptions } from '../control/ControlRouter.js';
import { elicitationHandler, userDialogHandler } from '../control/dialogs.js';
import type { ServerInfo } from '../control/serverInfo.js';
import { AbortError } from '../errors/AbortError.js';
import { CLIConnectionError } from '../errors/CLIConnectionError.js';
import { CLIJSONDecodeError } from '../errors/CLIJSONDecodeError.js';
import { ProcessError } from '../errors/ProcessError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import type { SDKUserMessageInput } from '../messages/user.js';
import type { ClaudeAgentOptions, SDKWarning } from '../options/ClaudeAgentOptions.js';
import { MessageQueue } from './MessageQueue.js';
import { createSubprocessTransport } from '../transport/createSubprocessTransport.js';
import type { Transport, TransportExit } from '../transport/Transport.js';
import { traceTransport } from '../transport/traceTransport.js';
import { HookRegistry } from '../hooks/hookRegistry.js';
import { captureSdkMcpManifests } from '../mcp/sdkMcpManifests.js';
import { mcpMessageHandler, sdkMcpServers } from '../mcp/sdkMcpRouter.js';
import type { SdkMcpServer } from '../mcp/SdkMcpServer.js';
import { canUseToolHandler } from '../permissions/canUseToolHandler.js';
import { configWarnings } from './configWarnings.js';
import { deliveryWarnings } from './deliveryWarnings.js';
import { initializeRequest } from './initializeRequest.js';
import { SessionLifecycle, type SessionPhase } from './sessionLifecycle.js';
import { defaultWarn } from '../options/defaultWarn.js';
import { cliProjectsDir } from '../sessions/store/cliProjectsDir.js';
import { restoreSession } from '../sessions/store/restoreSession.js';
import { TranscriptMirror, type MirrorFailure } from '../sessions/store/TranscriptMirror.js';

const DEFAULT_CONTROL_TIMEOUT_MS = 60_000;

/** A user turn: a string, or a full user message as the CLI reads it on stdin. */
export type UserInput = string | SDKUserMessageInput;

/**
 * One CLI process and its conversation: starts the transport, sends `initialize`, routes control
 * messages, queues the rest for the consumer, tracks turns to know when input may end, and turns
 * the process's end into either a clean end or a `ProcessError`.
 */
export class Session {
  readonly messages = new MessageQueue<SDKMessage>();
  readonly control: ControlRouter;
  sessionId: string | undefined;

  private transport: Transport | undefined;
  private started: Promise<void> | undefined;
  private initialized: Promise<ServerInfo> | undefined;
  private closing: Promise<void> | undefined;
  private readonly lifecycle = new SessionLifecycle();
  private turnsSent = 0;
  private results = 0;
  private lastResultIsError = false;
  private sawSessionState = false;
  private sessionState: string | undefined;
  private inputFinished = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private readonly warn: (warning: SDKWarning) => void;
  private readonly hooks: HookRegistry;
  private readonly sdkServers: Map<string, SdkMcpServer>;
  private readonly mirror: TranscriptMirror | undefined;
  private readonly onAbort = (): void => {
    this.messages.fail(
      new AbortError('The query was aborted.', { cause: this.options.abortSignal?.reason }),
    );
    void this.close();
  };

  constructor(
    private readonly options: ClaudeAgentOptions = {},
    transport?: Transport,
  ) {
    this.transport = transport;
    this.warn = options.onWarning ?? defaultWarn;
    this.control = new ControlRouter(
      (message) => this.write(message),
      this.controlTimeoutMs,
      (subtype, error) => this.reportCallbackError(subtype, error),
    );
    this.hooks = new HookRegistry(options.hooks);
    this.mirror = options.sessionStore
      ? new TranscriptMirror(
          options.sessionStore,
          cliProjectsDir(options),
          options.sessionStoreFlush ?? 'batched',
          (failure) => this.reportMirrorFailure(failure),
        )
      : undefined;
    this.sdkServers = sdkMcpServers(options.mcpServers);
    if (options.canUseTool) {
      this.control.on(
        'can_use_tool',
        canUseToolHandler(options.canUseTool, (error) =>
          this.reportCallbackError('canUseTool', error),
        ),
      );
    }
    if (this.hooks.size) this.control.on('hook_callback', this.hooks.handler());
    // Without a callback, elicitation is declined at once rather than left to time out.
    this.control.on('elicitation', elicitationHandler(options.onElicitation));
    // Without a callback, dialogs stay unanswered ("unsupported"), which the CLI treats as
    // "cannot display" — it only sends kinds named in `supportedDialogKinds` anyway.
    if (options.onUserDialog)
      this.control.on('request_user_dialog', userDialogHandler(options.onUserDialog));
    // Always routed: `setMcpServers()` may add in-process servers later.
    this.control.on('mcp_message', mcpMessageHandler(this.sdkServers, this.notifyCli));
  }

  /**
   * A server's own messages to the CLI (progress, logging, list_changed, server-to-client
   * requests) travel as our mcp_message requests; the CLI answers a request in a later
   * mcp_message of its own, so the control response carries nothing to wait for.
   */
  private readonly notifyCli = (server_name: string, message: unknown): void => {
    this.control.request('mcp_message', { server_name, message }).catch(() => {});
  };

  /** The in-process MCP server of this session by name, if there is one. */
  sdkMcpServer(name: string): SdkMcpServer | undefined {
    return this.sdkServers.get(name);
  }

  /** How long control requests wait by default (`controlTimeoutMs`). */
  get controlTimeoutMs(): number {
    return this.options.controlTimeoutMs ?? DEFAULT_CONTROL_TIMEOUT_MS;
  }

  /** Replace the in-process MCP servers `mcp_message` is routed to (`setMcpServers()`). */
  setSdkMcpServers(servers: ReadonlyMap<string, SdkMcpServer>): void {
    for (const [name, server] of this.sdkServers) {
      if (servers.get(name) !== server) this.sdkServers.delete(name);
    }
    for (const [name, server] of servers) this.sdkServers.set(name, server);
  }

  /** As the CLI reports its own store failures: a warning and a `mirror_error` message. */
  private reportMirrorFailure(failure: MirrorFailure): void {
    this.warn({ code: 'SESSION_STORE', message: `Session store: ${failure.message}.` });
    if (this.messages.ended) return;
    this.messages.push({
      type: 'system',
      subtype: 'mirror_error',
      error: failure.message,
      key: failure.key ?? null,
      session_id: this.sessionId ?? '',
      uuid: randomUUID(),
    } as unknown as SDKMessage);
  }

  private reportCallbackError(source: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.warn({ code: 'CALLBACK_ERROR', message: `The ${source} callback failed: ${message}` });
  }

  /** Spawn the CLI and send `initialize`. Idempotent; rejects if the CLI cannot be started. */
  start(): Promise<void> {
    this.started ??= this.doStart();
    return this.started;
  }

  /** The CLI's answer to `initialize` (its commands, models, account, version, …). */
  async serverInfo(): Promise<ServerInfo> {
    await this.start();
    return this.initialized as Promise<ServerInfo>;
  }

  /**
   * Send `initialize` again, with the fields of the start (hooks, agents, system prompt, the
   * current in-process servers), and return the CLI's fresh answer. The first answer stays what
   * `serverInfo()` returns.
   */
  async reinitialize(request?: OutboundRequestOptions): Promise<ServerInfo> {
    await this.serverInfo();
    const fields = initializeRequest(this.options, {
      hooks: this.hooks.wire,
      sdkMcpServers: [...this.sdkServers.keys()],
    });
    return (await this.control.request('initialize', fields, request)) as ServerInfo;
  }

  /** Write one user turn (a string becomes a text message for `sessionId`, default the current one). */
  async send(input: UserInput, sessionId?: string): Promise<void> {
    await this.start();
    const message: SDKUserMessageInput =
      typeof input === 'string'
        ? {
            type: 'user',
            session_id: sessionId ?? this.sessionId ?? '',
            message: { role: 'user', content: [{ type: 'text', text: input }] },
            parent_tool_use_id: null,
          }
        : input;
    // The official SDK's marker: the CLI takes the text as written (no `@path`, no slash command).
    const line = this.options.verbatimPrompts ? { ...message, client_composed: true } : message;
    // Counted before the write: the CLI may answer (or die) before the write's promise settles.
    this.turnsSent += 1;
    await this.write(line);
  }

  /**
   * The caller has no more turns to send: close stdin once every turn has its result and the
   * CLI reports idle (so background-task turns after the first result still get answered).
   */
  finishInput(): void {
    this.inputFinished = true;
    this.maybeEndInput();
  }

  /** Close stdin now (explicit EOF). */
  endInput(): void {
    this.transport?.endInput();
  }

  get isClosed(): boolean {
    return this.lifecycle.isClosed;
  }

  /** Where the session is in its life (see `SessionLifecycle`). */
  get phase(): SessionPhase {
    return this.lifecycle.phase;
  }

  /** End the session and the CLI. Idempotent. */
  close(): Promise<void> {
    // Set before anything runs: the transport may report its exit synchronously while closing.
    this.lifecycle.tryTo('closing');
    this.closing ??= (async () => {
      this.options.abortSignal?.removeEventListener('abort', this.onAbort);
      this.control.fail(new AbortError('The session was closed.'));
      try {
        await this.transport?.close({ immediate: this.isBusy() });
        // Every line the CLI reported reaches the store before the caller's loop ends; an abort
        // does not wait for a slow store.
        if (!this.options.abortSignal?.aborted) await this.mirror?.flush();
      } finally {
        this.messages.end();
      }
    })();
    return this.closing;
  }

  /** A turn is in flight (or background work runs): closing now abandons it. */
  private isBusy(): boolean {
    if (this.results < this.turnsSent) return true;
    return this.sawSessionState && this.sessionState !== undefined && this.sessionState !== 'idle';
  }

  private write(message: unknown): Promise<void> {
    if (!this.transport)
      return Promise.reject(new CLIConnectionError('The session is not started.'));
    return this.transport.write(message);
  }

  private async doStart(): Promise<void> {
    const { options } = this;
    if (this.lifecycle.isClosed)
      throw new CLIConnectionError('The session was closed before it started.');
    if (options.abortSignal?.aborted)
      throw new AbortError('The query was aborted before it started.');
    options.abortSignal?.addEventListener('abort', this.onAbort, { once: true });
    for (const warning of configWarnings(options)) this.warn(warning);
    if (options.sessionStore && options.resume !== undefined) {
      await restoreSession({
        store: options.sessionStore,
        sessionId: options.resume,
        cwd: options.cwd ?? process.cwd(),
        projectsDir: cliProjectsDir(options),
        ...(options.loadTimeoutMs !== undefined ? { timeoutMs: options.loadTimeoutMs } : {}),
      });
    }
    this.transport ??= createSubprocessTransport(options);
    if (options.trace) this.transport = traceTransport(this.transport, options.trace);
    this.lifecycle.to('starting');
    // The handshake with in-process servers runs while the CLI boots.
    const manifestsPending = this.sdkServers.size
      ? captureSdkMcpManifests(
          this.sdkServers,
          (server, error) =>
            this.warn({
              code: 'CALLBACK_ERROR',
              message: `In-process MCP server "${server}" failed its handshake (${error instanceof Error ? error.message : String(error)}); the CLI will retry it.`,
            }),
          this.notifyCli,
        )
      : undefined;
    await this.transport.start({
      message: (message) => this.onMessage(message),
      noise: (line) =>
        this.warn({
          code: 'NON_JSON_STDOUT',
          message: `Skipped a non-JSON line on the CLI's stdout: ${line.slice(0, 200)}`,
        }),
      error: (error) => {
        // The conversation already ended well: a bad line now loses nothing the caller asked for.
        // Other failures (a wrapping transport's, say a recorder refusing to write) still count.
        if (this.isComplete() && error instanceof CLIJSONDecodeError) {
          this.warn({
            code: 'STDOUT_AFTER_RESULT',
            message: `Ignored a bad stdout line after the final result: ${error.message}`,
          });
          return;
        }
        this.messages.fail(error);
        void this.close();
      },
      exit: (info) => this.onExit(info),
    });
    const manifests = await manifestsPending;
    const fields = initializeRequest(options, {
      hooks: this.hooks.wire,
      sdkMcpServers: [...this.sdkServers.keys()],
      ...(manifests ? { sdkMcpServerManifests: manifests } : {}),
    });
    const initialized = this.control.request('initialize', fields).then((answer) => {
      this.lifecycle.tryTo('ready');
      const info = answer as ServerInfo;
      for (const warning of deliveryWarnings(options, info)) this.warn(warning);
      return info;
    });
    // Failures reach the consumer through the message queue; keep them from being unhandled.
    initialized.catch((error: unknown) => {
      if (!this.lifecycle.isClosed) {
        this.messages.fail(error);
        void this.close();
      }
    });
    this.initialized = initialized;
  }

  private onMessage(message: Record<string, unknown>): void {
    if (this.control.route(message)) return;
    if (message.type === 'transcript_mirror' && this.mirror) {
      this.mirror.enqueue(message);
      return;
    }
    if (message.type === 'result') {
      this.mirror?.turnEnded();
      this.results += 1;
      this.lastResultIsError = message.is_error === true;
      if (typeof message.session_id === 'string') this.sessionId = message.session_id;
    } else if (message.type === 'system') {
      if (message.subtype === 'session_state_changed') {
        this.sawSessionState = true;
        this.sessionState = typeof message.state === 'string' ? message.state : undefined;
      } else if (message.subtype === 'init' && typeof message.session_id === 'string') {
        this.sessionId = message.session_id;
      }
    }
    this.messages.push(message as unknown as SDKMessage);
    if (message.type === 'result' || this.sessionState === 'idle') this.maybeEndInput();
  }

  private maybeEndInput(): void {
    if (!this.inputFinished || this.results < this.turnsSent) return;
    // CLIs that report session state say when background work is done; older ones end at result.
    if (this.sawSessionState && this.sessionState !== 'idle') return;
    if (!this.transport || this.lingerTimer) return;
    this.lifecycle.tryTo('draining');
    this.transport.endInput();
    // A CLI that ignores EOF must not hold the caller forever: after the grace, SIGTERM, SIGKILL.
    const transport = this.transport;
    this.lingerTimer = setTimeout(() => {
      if (this.lifecycle.phase !== 'ended') void transport.close({ immediate: true });
    }, this.options.shutdownGraceMs ?? 5000);
  }

  /** Every turn the caller will send has its result. */
  private isComplete(): boolean {
    return this.inputFinished && this.turnsSent > 0 && this.results >= this.turnsSent;
  }

  private onExit(info: TransportExit): void {
    const before = this.lifecycle.phase;
    this.lifecycle.to('ended');
    clearTimeout(this.lingerTimer);
    if (before === 'closing' || info.spawnError) {
      this.control.fail(new AbortError('The session was closed.'));
      this.messages.end();
      return;
    }
    if (info.stdoutClosedEarly && !this.isComplete()) {
      const error = new ProcessError(
        'The Claude Code CLI closed its stdout but kept running; it was stopped. Nothing more could arrive from it.',
        { exitCode: info.exitCode, signal: info.signal, stderr: info.stderrTail },
      );
      this.control.fail(error);
      this.messages.fail(error);
      void this.close();
      return;
    }
    if (info.stoppedBySdk && this.isComplete()) {
      this.warn({
        code: 'CLI_STOPPED',
        message: info.stdoutClosedEarly
          ? 'The Claude Code CLI closed its stdout after the final result but kept running; it was stopped.'
          : `The Claude Code CLI did not exit after its input ended and the final result arrived; it was stopped with ${info.signal ?? 'a signal'}.`,
      });
      this.control.fail(new CLIConnectionError('The CLI process has exited.'));
      this.endMessages();
      return;
    }
    const error = this.unexpectedExit(info, before);
    this.control.fail(
      error ??
        new CLIConnectionError('The CLI process has exited; start a new session to continue.'),
    );
    if (error) {
      this.messages.fail(error);
      void this.close();
    } else {
      this.endMessages();
    }
  }

  /** A clean end: mirrored lines still on their way to the store come first (and their failures). */
  private endMessages(): void {
    const done = (): void => {
      this.messages.end();
      void this.close();
    };
    if (this.mirror) void this.mirror.flush().then(done);
    else done();
  }

  private unexpectedExit(info: TransportExit, before: SessionPhase): ProcessError | undefined {
    const details = { exitCode: info.exitCode, signal: info.signal, stderr: info.stderrTail };
    const how = info.signal ? `was killed by ${info.signal}` : `exited with code ${info.exitCode}`;
    if (before === 'starting') {
      return new ProcessError(`The Claude Code CLI ${how} before answering initialize.`, details);
    }
    if (this.results < this.turnsSent) {
      return new ProcessError(
        `The Claude Code CLI ${how} in the middle of a turn (${this.turnsSent - this.results} turn(s) without a result).`,
        details,
      );
    }
    // Exit status mirrors the last result: 1 after an error result is expected.
    const expectedCode = this.lastResultIsError ? 1 : 0;
    if (info.signal || (info.exitCode !== 0 && info.exitCode !== expectedCode)) {
      return new ProcessError(`The Claude Code CLI ${how}.`, details);
    }
    return undefined;
  }
}
