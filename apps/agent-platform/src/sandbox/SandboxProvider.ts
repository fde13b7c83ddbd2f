/**
 * What a session's CLI may see. Paths are host paths; a provider mounts them at the same place
 * inside, so the CLI's own paths (its transcripts name the cwd) stay valid across providers.
 */
export interface SandboxSpec {
  /** The session's id (names, logs). */
  sessionId: string;
  /** Read-write: the agent's working directory. */
  workspace: string;
  /** Read-write: the CLI's HOME (its transcripts, for resume) and TMPDIR. */
  home: string;
  tmp: string;
  /** Read-only: what the command needs to run (the CLI's package folder, a fake CLI's tree). */
  readOnly: readonly string[];
  /** A host folder holding this session's Unix sockets (`model.sock`, `egress.sock`). */
  socketDir: string;
  /** The loopback port, inside the sandbox, on which the model API is reachable. */
  modelPort: number;
  /** The loopback port, inside, of the egress proxy; absent when the tenant has no allowlist. */
  egressPort?: number | undefined;
}

/** A command line to spawn in place of the CLI. */
export interface SandboxedCommand {
  command: string;
  args: string[];
}

/**
 * Runs each session's CLI inside an OS boundary. The default is `bubblewrapSandbox()`; a
 * container runtime plugs in by implementing `wrap` (see the README's security section).
 */
export interface SandboxProvider {
  readonly name: string;
  /** True when the provider is an OS boundary; false only for the explicit unsafe mode. */
  readonly isolates: boolean;
  /** Throws a `SandboxError` saying what to install when this machine cannot run it. */
  check(): Promise<void>;
  /**
   * The command that runs `command args` inside the sandbox. The returned process must die
   * with the server (no CLI outlives it), see no other process, and reach the network only
   * through the ports named in `spec`.
   */
  wrap(spec: SandboxSpec, command: string, args: readonly string[]): SandboxedCommand;
  /**
   * How the CLI addresses the model API from inside: `http://127.0.0.1:<modelPort>` for an
   * isolated network, or the proxy's host address when there is none.
   */
  modelBaseUrl(spec: SandboxSpec, hostProxyUrl: string): string;
  egressProxyUrl(spec: SandboxSpec, hostEgressUrl: string | undefined): string | undefined;
}
