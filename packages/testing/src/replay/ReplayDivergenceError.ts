import { AgentSDKError } from '@agentsdk/core';
import type { Divergence } from './Divergence.js';

/**
 * A strict replay saw the SDK diverge from the recording. The message is a readable diff;
 * `divergences` has the details. `ReplayDivergenceError.is(x)` works across installs.
 */
export class ReplayDivergenceError extends AgentSDKError<'REPLAY_DIVERGED'> {
  readonly divergences: readonly Divergence[];

  constructor(divergences: readonly Divergence[], options?: { cause?: unknown }) {
    const [first] = divergences;
    super(
      'REPLAY_DIVERGED',
      `Replay diverged from the recording. ${first?.message ?? ''}\n` +
        "If the change is intended, re-record: run with AGENTSDK_UPDATE_FIXTURES=1 and mode 'update' (or the fixture's record script).",
      options,
    );
    this.name = 'ReplayDivergenceError';
    this.divergences = divergences;
  }
}
