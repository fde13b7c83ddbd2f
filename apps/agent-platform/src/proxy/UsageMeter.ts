import { ZERO_USAGE, type TokenUsage } from './pricing.js';

type RawUsage = Record<string, unknown> | undefined;

const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/**
 * Reads token usage from a Messages API response as it streams past: `message_start` gives the
 * input side, each `message_delta` the output so far (cumulative). Also reads a plain JSON
 * answer. Nothing is buffered beyond one unfinished SSE line.
 */
export class UsageMeter {
  usage: TokenUsage = { ...ZERO_USAGE };
  model: string | undefined;
  /** The API's message id (`msg_…`): one per model request, the usage record's key. */
  messageId: string | undefined;
  /** `message_start` has been seen: the input side is known exactly. */
  started = false;
  /** A `message_delta` with usage has been seen: the output count is the API's own. */
  finished = false;
  /** Characters of generated content seen, for an estimate when the stream is cut early. */
  generatedChars = 0;
  private pending = '';

  /** Feeds a chunk of an SSE body; returns true when it completed a `message_start`. */
  feedSse(chunk: string): boolean {
    const text = this.pending + chunk;
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    let started = false;
    for (const line of lines) {
      if (!line.startsWith('data:')) continue;
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(line.slice(5)) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (event['type'] === 'message_start') {
        const message = event['message'] as Record<string, unknown> | undefined;
        this.readMessage(message);
        this.started = true;
        started = true;
      } else if (event['type'] === 'message_delta') {
        this.readUsage(event['usage'] as RawUsage, true);
      } else if (event['type'] === 'content_block_delta') {
        const delta = event['delta'] as Record<string, unknown> | undefined;
        for (const key of ['text', 'thinking', 'partial_json']) {
          const value = delta?.[key];
          if (typeof value === 'string') this.generatedChars += value.length;
        }
      }
    }
    return started;
  }

  /** Reads a whole JSON answer (non-streaming request). */
  readJson(body: string): void {
    try {
      this.readMessage(JSON.parse(body) as Record<string, unknown>);
      this.started = true;
      this.finished = true;
    } catch {
      // Not a message (an error body): no usage.
    }
  }

  private readMessage(message: Record<string, unknown> | undefined): void {
    if (typeof message?.['model'] === 'string') this.model = message['model'];
    if (typeof message?.['id'] === 'string') this.messageId = message['id'];
    this.readUsage(message?.['usage'] as RawUsage, false);
  }

  private readUsage(usage: RawUsage, final: boolean): void {
    if (!usage) return;
    const u = this.usage;
    u.inputTokens = count(usage['input_tokens']) ?? u.inputTokens;
    u.outputTokens = count(usage['output_tokens']) ?? u.outputTokens;
    u.cacheCreationInputTokens =
      count(usage['cache_creation_input_tokens']) ?? u.cacheCreationInputTokens;
    u.cacheReadInputTokens = count(usage['cache_read_input_tokens']) ?? u.cacheReadInputTokens;
    if (final) this.finished = true;
  }
}
