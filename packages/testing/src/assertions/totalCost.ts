import type { SDKMessage, SDKUnknownMessage } from '@agentsdk/core';

/**
 * The session's cost in USD: `total_cost_usd` of the last `result` (the CLI reports it
 * cumulatively, across turns and resumes). `0` when there is no result.
 */
export function totalCost(messages: Iterable<SDKMessage | SDKUnknownMessage>): number {
  let cost = 0;
  for (const message of messages) {
    if (message.type !== 'result') continue;
    const value = (message as { total_cost_usd?: unknown }).total_cost_usd;
    if (typeof value === 'number') cost = value;
  }
  return cost;
}
