import { obj, str, num } from './json.js';
import type { JsonLine } from './parseLines.js';
import { promptText, type TimelineBuilder } from './TimelineBuilder.js';

/** Reads a subagent's transcript by agent id (`<session id>/subagents/agent-<id>.jsonl`). */
export type SubagentReader = (agentId: string) => JsonLine[] | undefined;

/**
 * A Claude Code transcript (`~/.claude/projects/<slug>/<session id>.jsonl`): one line per
 * entry with `type`, `message`, `uuid`, `timestamp`. Only `user`, `assistant` and `system`
 * entries are conversation; the rest (attachments, api-request shapes, cost state, titles, …)
 * is the CLI's bookkeeping. Subagents live in their own files, linked from the Agent call's
 * result (`toolUseResult.agentId`); their steps are folded under that call. Inline sidechain
 * entries (older CLIs) go under the Agent/Task call still running.
 */
export function feedTranscript(
  builder: TimelineBuilder,
  lines: JsonLine[],
  readSubagent?: SubagentReader,
  context: { t0?: number; parent?: string } = {},
): void {
  for (const { line, value } of lines) {
    const entry = obj(value);
    const type = str(entry['type']) ?? '';
    if (type === 'cost-state' && num(entry['totalCostUSD']) !== undefined) {
      builder.sessionCost(num(entry['totalCostUSD']) as number);
    }
    if (type !== 'user' && type !== 'assistant' && type !== 'system') continue;
    const time = Date.parse(str(entry['timestamp']) ?? '');
    if (!Number.isNaN(time)) context.t0 ??= time;
    const at = {
      line,
      ...(context.t0 !== undefined && !Number.isNaN(time) ? { t: time - context.t0 } : {}),
    };
    const parent =
      context.parent ?? (entry['isSidechain'] === true ? builder.runningAgentCall() : undefined);
    const message = { ...entry, parent_tool_use_id: parent ?? null };
    if (type === 'user') {
      if (entry['isMeta'] === true || entry['isCompactSummary'] === true) continue;
      const text = parent === undefined ? promptText(message) : undefined;
      if (text !== undefined) builder.prompt(text, at);
      else builder.fromCli(message, at);
      const agentId = str(obj(entry['toolUseResult'])['agentId']);
      const toolUseId = toolResultId(entry);
      const sub = agentId && toolUseId ? readSubagent?.(agentId) : undefined;
      if (sub && toolUseId)
        feedTranscript(builder, sub, readSubagent, { ...context, parent: toolUseId });
    } else if (type === 'assistant') {
      builder.fromCli(message, at);
    } else if (entry['subtype'] === 'api_error') {
      const error = obj(entry['error']);
      builder.retry(
        {
          ...(num(entry['retryAttempt']) !== undefined
            ? { attempt: num(entry['retryAttempt']) }
            : {}),
          status: num(error['status']) ?? null,
          ...(num(entry['retryInMs']) !== undefined ? { delayMs: num(entry['retryInMs']) } : {}),
          error: str(error['formatted']) ?? str(error['message']) ?? 'API error',
        },
        at,
      );
    } else {
      builder.system(message, at);
    }
  }
}

function toolResultId(entry: Record<string, unknown>): string | undefined {
  const content = obj(entry['message'])['content'];
  if (!Array.isArray(content)) return undefined;
  for (const block of content) {
    const b = obj(block);
    if (b['type'] === 'tool_result') return str(b['tool_use_id']);
  }
  return undefined;
}
