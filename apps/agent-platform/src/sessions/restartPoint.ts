import type { SDKMessage } from '@agentsdk/core';
import type { Repository } from '../store/Repository.js';
import type { RestartPoint } from './LiveSession.js';

/**
 * Where a retried turn's new CLI process should start, from the stored event log.
 *
 * The failed attempt left the prompt (and the API error) in the CLI's conversation; sending the
 * prompt again there would show the model it twice. So the retry resumes at the main
 * conversation's last assistant message before the turn (`resumeSessionAt`), or starts a fresh
 * CLI session when the conversation had none. It does not rewind (undefined: retry in place)
 * when the failed attempt already ran tools — a rewind would run them again — or when the
 * conversation ended in tool results, which a rewind to the assistant message would drop.
 */
export async function restartPoint(
  repository: Repository,
  sessionId: string,
  turnEventId: number,
): Promise<RestartPoint | undefined> {
  let last: { type: 'assistant' | 'user'; uuid: string } | undefined;
  for (let after = 0; ;) {
    const page = await repository.listEvents(sessionId, after, 1000);
    for (const event of page) {
      const p = event.payload as { kind?: unknown; message?: SDKMessage };
      const m = p.kind === 'message' ? p.message : undefined;
      if (m?.type !== 'assistant' && m?.type !== 'user') continue;
      if (m.parent_tool_use_id !== null) continue; // a subagent's, not the main conversation's
      if (event.id < turnEventId) {
        if (m.uuid) last = { type: m.type, uuid: m.uuid };
      } else if (m.type === 'assistant' && m.message.content.some((b) => b.type === 'tool_use')) {
        return undefined;
      }
    }
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  if (!last) return { fresh: true };
  return last.type === 'assistant' ? { resumeAt: last.uuid } : undefined;
}
