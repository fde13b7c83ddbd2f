import { line, type Io } from '../util/io.js';
import { describeMessage } from './describeMessage.js';

/**
 * What `agentsdk record` prints while a session runs: each message as `describeMessage` reads
 * it, the turn number as the model answers, and API retries with their status. A retry that
 * cannot succeed (authentication failed, no connection) ends the session at once.
 */
export class RecordProgress {
  private turns = 0;
  private toolCalls = 0;
  private retries = 0;
  private lastAssistant: string | undefined;

  constructor(private readonly io: Io) {}

  /** Print one message; returns why the session must stop now, if it must. */
  show(message: Record<string, unknown>): string | undefined {
    if (message['type'] === 'assistant') {
      const id = (message['message'] as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string' || id !== this.lastAssistant) {
        this.turns += 1;
        line(this.io.stderr, `[turn ${this.turns}]`);
      }
      this.lastAssistant = typeof id === 'string' ? id : undefined;
      const content = (message['message'] as { content?: unknown } | undefined)?.content;
      if (Array.isArray(content))
        this.toolCalls += content.filter((b: { type?: unknown }) => b.type === 'tool_use').length;
    }
    for (const text of describeMessage(message)) line(this.io.stderr, text);
    if (message['type'] === 'system' && message['subtype'] === 'api_retry') {
      this.retries += 1;
      const status = message['error_status'];
      const error = message['error'];
      if (error === 'authentication_failed' || status === 401 || status === 403)
        return `The API refused the credentials (${String(status)} ${String(error)}).`;
      if (status === null || status === undefined)
        return `The API cannot be reached (${String(error ?? 'connection error')}).`;
    }
    return undefined;
  }

  summary(): string {
    return `${this.turns} turn(s), ${this.toolCalls} tool call(s), ${this.retries} API retr${this.retries === 1 ? 'y' : 'ies'}`;
  }
}
