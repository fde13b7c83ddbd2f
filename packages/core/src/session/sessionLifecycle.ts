import { CLIConnectionError } from '../errors/CLIConnectionError.js';

/**
 * The life of one CLI process and its conversation, as an explicit table instead of flags.
 *
 * - `new`: nothing started. `starting`: spawned, `initialize` sent, not answered.
 * - `ready`: the CLI answered `initialize`; turns flow.
 * - `draining`: the caller sent its last turn and every turn has its result; stdin is closed and
 *   the CLI is expected to exit (it is stopped after the grace if it does not).
 * - `closing`: `close()` was called (break, abort, error, dispose); the CLI is being ended.
 * - `ended`: the process is gone. Final.
 */
export type SessionPhase = 'new' | 'starting' | 'ready' | 'draining' | 'closing' | 'ended';

const TRANSITIONS: Record<SessionPhase, readonly SessionPhase[]> = {
  new: ['starting', 'closing'],
  starting: ['ready', 'closing', 'ended'],
  ready: ['draining', 'closing', 'ended'],
  draining: ['closing', 'ended'],
  closing: ['ended'],
  ended: [],
};

export function canTransition(from: SessionPhase, to: SessionPhase): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Moves a phase along the table; an impossible move is a bug in the SDK, never silent. */
export class SessionLifecycle {
  private current: SessionPhase = 'new';

  get phase(): SessionPhase {
    return this.current;
  }

  /** Move to `to`; a no-op when already there. */
  to(to: SessionPhase): void {
    if (this.current === to) return;
    if (!canTransition(this.current, to)) {
      throw new CLIConnectionError(
        `Internal error: a session cannot go from '${this.current}' to '${to}'. Please report this.`,
      );
    }
    this.current = to;
  }

  /** Move to `to` if the table allows it; returns whether it moved (for racing events). */
  tryTo(to: SessionPhase): boolean {
    if (this.current === to || !canTransition(this.current, to)) return false;
    this.current = to;
    return true;
  }

  /** `close()` was called or the process is gone: no more input is accepted. */
  get isClosed(): boolean {
    return this.current === 'closing' || this.current === 'ended';
  }
}
