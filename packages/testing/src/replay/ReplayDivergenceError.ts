import { AgentSDKError } from '@agentsdk/core';
import type { Divergence } from './Divergence.js';

/**
 * A strict replay saw the SDK diverge from the recording. The message is a readable diff;
 * `divergences` has the details. `ReplayDivergenceError.is(x)` works across installs.
 */
export class ReplayDivergenceError extends AgentSDKError<'REPLAY_DIVERGED'> {
  readonly divergences: readonly Divergence[];
  /** The command that shows the recording and this run side by side (`agentsdk view --diff …`). */
  readonly viewCommand: string | undefined;

  constructor(
    divergences: readonly Divergence[],
    options?: { cause?: unknown; viewCommand?: string },
  ) {
    const [first] = divergences;
    super(
      'REPLAY_DIVERGED',
      `Replay diverged from the recording. ${first?.message ?? ''}\n` +
        (options?.viewCommand ? `See both side by side: ${options.viewCommand}\n` : '') +
        "If the change is intended, re-record: run with AGENTSDK_UPDATE_FIXTURES=1 and mode 'update' (or the fixture's record script).",
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'ReplayDivergenceError';
    this.divergences = divergences;
    this.viewCommand = options?.viewCommand;
  }
}
