import type {
  HookStep,
  McpStep,
  PermissionStep,
  Step,
  Timeline,
  ToolStep,
  Turn,
  Usage,
} from '../model/Timeline.js';
import { arr, contentText, isObj, num, obj, str, type Obj } from './json.js';

/** Where a message was read: its time (ms since the start) and its source line. */
export interface At {
  t?: number;
  line?: number;
}

/** Message types that carry nothing the timeline shows (partial deltas, keep-alives, …). */
const QUIET_TYPES = new Set([
  'stream_event',
  'keep_alive',
  'rate_limit_event',
  'tool_progress',
  'auth_status',
  'streamlined_text',
  'streamlined_tool_use_summary',
  'prompt_suggestion',
]);
/** System subtypes that are bookkeeping, not events. */
const QUIET_SYSTEM = new Set([
  'session_state_changed',
  'status',
  'hook_started',
  'hook_progress',
  'hook_response',
  'thinking_tokens',
  'background_tasks_changed',
  'task_started',
  'task_progress',
  'task_updated',
  'task_notification',
  'files_persisted',
]);

const zero = (): Usage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheCreationTokens: 0,
});

/**
 * Folds the messages of a session — both directions of the CLI's stream-json protocol — into
 * turns of steps. Each input format feeds it what it has; the builder never throws on content:
 * what it does not know becomes an `unknown` step and a warning.
 */
export class TimelineBuilder {
  private readonly turns: Turn[] = [];
  private readonly tools = new Map<string, ToolStep>();
  private readonly pending = new Map<string, PermissionStep | HookStep | McpStep>();
  private readonly pendingAt = new Map<string, number>();
  /** Assistant message ids already counted: the CLI repeats usage on each block's message. */
  private readonly counted = new Set<string>();
  private readonly warnings: string[] = [];
  private readonly session: Timeline['session'] = {};
  private lastCumulativeCost = 0;
  private knownSessionCost: number | undefined;
  private messages = 0;
  private lastT: number | undefined;

  constructor(private readonly source: Timeline['source']) {}

  warn(text: string): void {
    if (this.warnings.length < 200) this.warnings.push(text);
  }

  /** A new user turn. */
  prompt(text: string, at: At): void {
    this.messages++;
    this.seen(at);
    const turn = this.newTurn();
    turn.steps.push({ kind: 'user', text, ...at });
  }

  /** A message the CLI wrote (stdout of stream-json). */
  fromCli(message: Obj, at: At): void {
    this.messages++;
    this.seen(at);
    const type = str(message['type']);
    switch (type) {
      case 'assistant':
        return this.assistant(message, at);
      case 'user':
        return this.toolResults(message, at);
      case 'system':
        return this.system(message, at);
      case 'result':
        return this.result(message, at);
      case 'control_request':
        return this.controlRequest(str(message['request_id']), obj(message['request']), at);
      case 'control_response':
      case 'control_cancel_request':
        return; // answers to the SDK's own requests (initialize, interrupt): not session events
      default:
        if (type && QUIET_TYPES.has(type)) return;
        this.unknown(type ?? '(no type)', message, at);
    }
  }

  /** A message the SDK wrote to the CLI's stdin. */
  fromSdk(message: Obj, at: At): void {
    const type = str(message['type']);
    if (type === 'user') {
      const text = promptText(message);
      if (text !== undefined) this.prompt(text, at);
      return;
    }
    this.messages++;
    this.seen(at);
    if (type === 'control_response') return this.controlResponse(obj(message['response']), at);
    if (type === 'control_request') {
      const subtype = str(obj(message['request'])['subtype']);
      if (subtype === 'interrupt')
        this.push({ kind: 'system', subtype, text: 'Interrupted by the SDK', ...at });
      return;
    }
    if (type === 'keep_alive' || type === 'update_environment_variables') return;
    this.unknown(type ?? '(no type)', message, at);
  }

  retry(
    info: { attempt?: number; status?: number | null; delayMs?: number; error?: string },
    at: At,
  ): void {
    this.messages++;
    this.seen(at);
    this.push({ kind: 'retry', ...defined(info), ...at });
  }

  error(message: string, at: At): void {
    this.seen(at);
    this.push({ kind: 'error', message, ...at });
  }

  system(message: Obj, at: At): void {
    const subtype = str(message['subtype']) ?? '';
    if (subtype === 'init') {
      this.session.id ??= str(message['session_id']);
      this.session.model ??= str(message['model']);
      this.session.cwd ??= str(message['cwd']);
      this.session.cliVersion ??= str(message['claude_code_version']);
      return;
    }
    if (QUIET_SYSTEM.has(subtype)) return;
    if (subtype === 'api_retry' || subtype === 'api_error') {
      const error = message['error'];
      this.push({
        kind: 'retry',
        ...defined({
          attempt: num(message['attempt']),
          maxRetries: num(message['max_retries']),
          status: num(message['error_status']) ?? null,
          delayMs: num(message['retry_delay_ms']) ?? num(message['retryInMs']),
          error:
            typeof error === 'string'
              ? error
              : (str(obj(error)['message']) ?? str(obj(obj(error)['error'])['message'])),
        }),
        ...at,
      });
      return;
    }
    const text =
      str(message['content']) ??
      str(message['message']) ??
      str(message['summary']) ??
      str(message['description']) ??
      '';
    const parent = str(message['parent_tool_use_id']);
    this.push({ kind: 'system', subtype, text, ...at }, parent);
  }

  /** The latest Agent/Task call without a result yet: the owner of a transcript's sidechain. */
  runningAgentCall(): string | undefined {
    let found: string | undefined;
    for (const tool of this.tools.values()) {
      if ((tool.name === 'Agent' || tool.name === 'Task') && tool.output === undefined)
        found = tool.id;
    }
    return found;
  }

  /** The session's total cost when the source only knows that (a transcript's `cost-state`). */
  sessionCost(usd: number): void {
    this.knownSessionCost = usd;
  }

  build(): Timeline {
    const totals: Timeline['totals'] = {
      ...zero(),
      costUsd: 0,
      messages: this.messages,
      toolCalls: this.tools.size,
      errors: 0,
    };
    let duration = 0;
    for (const turn of this.turns) {
      totals.inputTokens += turn.usage.inputTokens;
      totals.outputTokens += turn.usage.outputTokens;
      totals.cacheReadTokens += turn.usage.cacheReadTokens;
      totals.cacheCreationTokens += turn.usage.cacheCreationTokens;
      totals.costUsd += turn.costUsd ?? 0;
      turn.durationMs ??= span(turn.steps);
      duration += turn.durationMs ?? 0;
      totals.errors += countErrors(turn.steps);
    }
    if (totals.costUsd === 0 && this.knownSessionCost !== undefined)
      totals.costUsd = this.knownSessionCost;
    totals.costUsd = Math.round(totals.costUsd * 1e8) / 1e8;
    if (duration > 0) totals.durationMs = duration;
    else if (this.lastT !== undefined) totals.durationMs = this.lastT;
    return {
      source: this.source,
      session: this.session,
      turns: this.turns,
      totals,
      warnings: this.warnings,
    };
  }

  // ---- messages ------------------------------------------------------------------------

  private assistant(message: Obj, at: At): void {
    const inner = obj(message['message']);
    const parent = str(message['parent_tool_use_id']);
    const id = str(inner['id']);
    if (id === undefined || !this.counted.has(id)) {
      if (id !== undefined) this.counted.add(id);
      addUsage(this.current().usage, obj(inner['usage']));
    }
    const error = str(message['error']);
    if (error) this.push({ kind: 'error', message: `API error: ${error}`, ...at }, parent);
    for (const block of arr(inner['content'])) {
      const b = obj(block);
      switch (b['type']) {
        case 'text':
          if (str(b['text'])) this.push({ kind: 'text', text: String(b['text']), ...at }, parent);
          break;
        case 'thinking':
          this.push({ kind: 'thinking', text: str(b['thinking']) ?? '', ...at }, parent);
          break;
        case 'redacted_thinking':
          this.push({ kind: 'thinking', text: '(redacted thinking)', ...at }, parent);
          break;
        case 'tool_use':
        case 'server_tool_use':
        case 'mcp_tool_use': {
          const tool: ToolStep = {
            kind: 'tool',
            id: str(b['id']) ?? `tool_${this.tools.size + 1}`,
            name: str(b['name']) ?? '(unnamed)',
            input: b['input'] ?? {},
            control: [],
            children: [],
            ...at,
          };
          this.tools.set(tool.id, tool);
          this.push(tool, parent);
          break;
        }
        default:
          this.unknown(`assistant block ${String(b['type'])}`, b, at, parent);
      }
    }
  }

  private toolResults(message: Obj, at: At): void {
    const content = obj(message['message'])['content'];
    const parent = str(message['parent_tool_use_id']);
    if (!Array.isArray(content)) {
      // A user message from the CLI that is not tool results: a replayed or injected prompt.
      const text = contentText(content);
      if (typeof text === 'string' && text)
        this.push({ kind: 'system', subtype: 'user', text, ...at }, parent);
      return;
    }
    for (const block of content) {
      const b = obj(block);
      if (b['type'] !== 'tool_result') {
        if (b['type'] === 'text' && str(b['text'])) {
          this.push({ kind: 'system', subtype: 'user', text: String(b['text']), ...at }, parent);
        }
        continue;
      }
      const id = str(b['tool_use_id']) ?? '';
      const tool = this.tools.get(id);
      if (!tool) {
        this.warn(`line ${at.line ?? '?'}: a tool_result for ${id}, which no tool_use started.`);
        continue;
      }
      tool.output = contentText(b['content']);
      tool.isError = b['is_error'] === true;
      if (at.t !== undefined && tool.t !== undefined) tool.durationMs = round(at.t - tool.t);
    }
  }

  private result(message: Obj, at: At): void {
    const turn = this.current();
    const cumulative = num(message['total_cost_usd']);
    if (cumulative !== undefined) {
      const delta =
        cumulative >= this.lastCumulativeCost ? cumulative - this.lastCumulativeCost : cumulative;
      turn.costUsd = Math.round(delta * 1e8) / 1e8;
      this.lastCumulativeCost = cumulative;
    }
    const duration = num(message['duration_ms']);
    if (duration !== undefined) turn.durationMs = duration;
    // The result's usage is the turn's total; the assistant messages' usage is partial (streamed).
    if (isObj(message['usage'])) {
      turn.usage = zero();
      addUsage(turn.usage, message['usage']);
    }
    this.session.id ??= str(message['session_id']);
    const errors = arr(message['errors']).filter((e): e is string => typeof e === 'string');
    const text = str(message['result']) ?? (errors.length ? errors.join('\n') : undefined);
    this.push({
      kind: 'result',
      subtype: str(message['subtype']) ?? 'success',
      isError: message['is_error'] === true,
      ...defined({
        text,
        durationMs: duration,
        costUsd: turn.costUsd,
        numTurns: num(message['num_turns']),
      }),
      ...at,
    });
  }

  private controlRequest(requestId: string | undefined, request: Obj, at: At): void {
    const subtype = str(request['subtype']);
    let step: PermissionStep | HookStep | McpStep;
    let toolUseId: string | undefined;
    if (subtype === 'can_use_tool') {
      toolUseId = str(request['tool_use_id']);
      step = {
        kind: 'permission',
        tool: str(request['tool_name']) ?? '(tool)',
        input: request['input'],
        decision: 'unanswered',
        ...defined({ toolUseId }),
        ...at,
      };
    } else if (subtype === 'hook_callback') {
      const input = obj(request['input']);
      toolUseId = str(input['tool_use_id']);
      step = {
        kind: 'hook',
        event: str(input['hook_event_name']) ?? '(hook)',
        output: undefined,
        ...defined({ toolUseId, toolName: str(input['tool_name']) }),
        ...at,
      };
    } else if (subtype === 'mcp_message') {
      const rpc = obj(request['message']);
      const method = str(rpc['method']) ?? '';
      // The handshake and notifications are plumbing; a tools/call is a step of its tool.
      if (method !== 'tools/call') return;
      const params = obj(rpc['params']);
      toolUseId = str(obj(params['_meta'])['claudecode/toolUseId']);
      const { _meta: _ignored, ...shown } = params;
      step = {
        kind: 'mcp',
        server: str(request['server_name']) ?? '',
        method,
        params: shown,
        ...at,
      };
    } else {
      this.push({
        kind: 'system',
        subtype: subtype ?? 'control_request',
        text: `The CLI asked: ${subtype ?? '?'}`,
        ...at,
      });
      return;
    }
    if (requestId) {
      this.pending.set(requestId, step);
      if (at.t !== undefined) this.pendingAt.set(requestId, at.t);
    }
    const tool = toolUseId ? this.tools.get(toolUseId) : undefined;
    if (tool) tool.control.push(step);
    else this.push(step);
  }

  private controlResponse(response: Obj, at: At): void {
    const requestId = str(response['request_id']) ?? '';
    const step = this.pending.get(requestId);
    if (!step) return;
    this.pending.delete(requestId);
    const ok = response['subtype'] === 'success';
    const body = obj(response['response']);
    const error = ok ? undefined : (str(response['error']) ?? 'error');
    if (step.kind === 'permission') {
      if (!ok) {
        step.decision = 'deny';
        step.message = `The callback failed: ${error}`;
      } else if (body['behavior'] === 'allow') {
        step.decision = 'allow';
        const updated = body['updatedInput'];
        if (updated !== undefined && JSON.stringify(updated) !== JSON.stringify(step.input))
          step.updatedInput = updated;
      } else {
        step.decision = 'deny';
        const message = str(body['message']);
        if (message) step.message = message;
      }
    } else if (step.kind === 'hook') {
      step.output = ok ? body : { error };
    } else {
      const rpc = obj(body['mcp_response']);
      if (!ok) step.error = error;
      else if (isObj(rpc['error'])) step.error = str(rpc['error']['message']) ?? 'MCP error';
      else step.result = rpc['result'];
      const t0 = this.pendingAt.get(requestId);
      if (t0 !== undefined && at.t !== undefined) step.durationMs = round(at.t - t0);
    }
    this.pendingAt.delete(requestId);
  }

  private unknown(label: string, raw: unknown, at: At, parent?: string): void {
    this.warn(`line ${at.line ?? '?'}: unknown message kind "${label}" (shown as is).`);
    this.push({ kind: 'unknown', label, raw, ...at }, parent);
  }

  // ---- placement -----------------------------------------------------------------------

  private seen(at: At): void {
    if (at.t !== undefined) this.lastT = at.t;
  }

  private newTurn(): Turn {
    const turn: Turn = { index: this.turns.length, steps: [], usage: zero() };
    this.turns.push(turn);
    return turn;
  }

  private current(): Turn {
    return this.turns.at(-1) ?? this.newTurn();
  }

  /** Add a step to its subagent's tool call when it has a parent, else to the current turn. */
  private push(step: Step, parent?: string): void {
    const owner = parent ? this.tools.get(parent) : undefined;
    if (owner) owner.children.push(step);
    else this.current().steps.push(step);
  }
}

/** The text of a user prompt; `undefined` for tool results and other non-prompt user messages. */
export function promptText(message: Obj): string | undefined {
  if (message['parent_tool_use_id']) return undefined;
  const content = obj(message['message'])['content'];
  if (typeof content === 'string') return content;
  if (!Array.isArray(content) || content.some((b) => obj(b)['type'] === 'tool_result'))
    return undefined;
  const text = contentText(content.filter((b) => obj(b)['type'] === 'text'));
  return typeof text === 'string' ? text : undefined;
}

function addUsage(into: Usage, usage: Obj): void {
  into.inputTokens += num(usage['input_tokens']) ?? 0;
  into.outputTokens += num(usage['output_tokens']) ?? 0;
  into.cacheReadTokens += num(usage['cache_read_input_tokens']) ?? 0;
  into.cacheCreationTokens += num(usage['cache_creation_input_tokens']) ?? 0;
}

function countErrors(steps: Step[]): number {
  let n = 0;
  for (const step of steps) {
    if (step.kind === 'error' || (step.kind === 'result' && step.isError)) n++;
    if (step.kind === 'tool') n += (step.isError ? 1 : 0) + countErrors(step.children);
  }
  return n;
}

/** From the first to the last timed step, when the source has times but no result. */
function span(steps: Step[]): number | undefined {
  const times = steps.map((s) => s.t).filter((t): t is number => t !== undefined);
  if (times.length < 2) return undefined;
  return round((times.at(-1) as number) - (times[0] as number));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Drop `undefined` fields (the model is plain JSON, compared and diffed as such). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
