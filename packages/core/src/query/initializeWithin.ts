import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';
import type { Session } from '../session/Session.js';

/**
 * Start `session` and wait for its `initialize` answer, at most `requested` ms (default: the
 * options' `controlTimeoutMs`, else 60 s). Shared by `startup()` and `prewarm()`: on a timeout or a
 * failed start the process is closed before the error is thrown, so no CLI outlives the call.
 */
export async function initializeWithin(
  session: Session,
  caller: 'startup' | 'prewarm',
  requested: number | undefined,
  options: ClaudeAgentOptions,
): Promise<void> {
  const timeoutMs = requested ?? options.controlTimeoutMs ?? 60_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidArgumentError(
      caller,
      'initializeTimeoutMs',
      'must be a positive number of ms',
    );
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      session.serverInfo(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ControlTimeoutError('initialize', timeoutMs)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    await session.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
