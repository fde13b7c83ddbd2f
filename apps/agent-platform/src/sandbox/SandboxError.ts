const MARKER = Symbol.for('agentsdk.agent-platform.SandboxError');

export type SandboxErrorCode = 'sandbox_unavailable' | 'sandbox_unsafe_not_allowed';

/** The platform cannot isolate agents as configured; the message says what to install or set. */
export class SandboxError extends Error {
  readonly [MARKER] = true;
  override readonly name = 'SandboxError';

  constructor(
    readonly code: SandboxErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static is(value: unknown): value is SandboxError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}
