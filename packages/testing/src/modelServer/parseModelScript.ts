import { ModelServerError } from './ModelServerError.js';
import type {
  ModelContentBlock,
  ModelContentTurn,
  ModelErrorSpec,
  ModelErrorTurn,
  ModelScript,
  ModelStopReason,
  ModelTurn,
  ModelUsage,
} from './script.js';

const CONTENT_TURN_KEYS = [
  'content',
  'stop_reason',
  'usage',
  'chunk_chars',
  'delay_ms',
  'model',
  'stall',
  'stall_after_chars',
];
const ERROR_TURN_KEYS = ['error', 'stall'];
const ERROR_KEYS = ['status', 'type', 'message', 'retry_after', 'headers'];
const USAGE_KEYS = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
];
const STOP_REASONS: readonly string[] = [
  'end_turn',
  'tool_use',
  'max_tokens',
  'stop_sequence',
  'pause_turn',
  'refusal',
] satisfies readonly ModelStopReason[];

type Obj = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(where: string, message: string, source: string | undefined): never {
  const origin = source === undefined ? 'Invalid model script' : `Invalid model script ${source}`;
  throw new ModelServerError('INVALID_SCRIPT', `${origin}: ${where}: ${message}`);
}

class Checker {
  constructor(private readonly source: string | undefined) {}

  fail(where: string, message: string): never {
    return fail(where, message, this.source);
  }

  object(value: unknown, where: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(where, `expected an object, got ${describe(value)}`);
    }
    return value as Obj;
  }

  keys(value: Obj, allowed: readonly string[], where: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.fail(where, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  string(value: unknown, where: string, { nonEmpty = false } = {}): string {
    if (typeof value !== 'string' || (nonEmpty && value.length === 0)) {
      this.fail(where, `expected a ${nonEmpty ? 'non-empty ' : ''}string, got ${describe(value)}`);
    }
    return value;
  }

  count(value: unknown, where: string, { min = 0 } = {}): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(where, `expected an integer >= ${min}, got ${describe(value)}`);
    }
    return value;
  }

  boolean(value: unknown, where: string): boolean {
    if (typeof value !== 'boolean')
      this.fail(where, `expected true or false, got ${describe(value)}`);
    return value;
  }
}

function parseBlock(c: Checker, value: unknown, where: string): ModelContentBlock {
  const block = c.object(value, where);
  switch (block['type']) {
    case 'text':
      c.keys(block, ['type', 'text'], where);
      return { type: 'text', text: c.string(block['text'], `${where}.text`) };
    case 'tool_use': {
      c.keys(block, ['type', 'id', 'name', 'input'], where);
      const parsed: ModelContentBlock = {
        type: 'tool_use',
        name: c.string(block['name'], `${where}.name`, { nonEmpty: true }),
        input: structuredClone(c.object(block['input'], `${where}.input`)),
      };
      if (block['id'] !== undefined) {
        parsed.id = c.string(block['id'], `${where}.id`, { nonEmpty: true });
      }
      return parsed;
    }
    case 'thinking': {
      c.keys(block, ['type', 'thinking', 'signature'], where);
      const parsed: ModelContentBlock = {
        type: 'thinking',
        thinking: c.string(block['thinking'], `${where}.thinking`),
      };
      if (block['signature'] !== undefined) {
        parsed.signature = c.string(block['signature'], `${where}.signature`);
      }
      return parsed;
    }
    case 'redacted_thinking':
      c.keys(block, ['type', 'data'], where);
      return { type: 'redacted_thinking', data: c.string(block['data'], `${where}.data`) };
    default:
      return c.fail(
        `${where}.type`,
        `unknown block type ${describe(block['type'])} (expected text, tool_use, thinking or redacted_thinking)`,
      );
  }
}

function parseUsage(c: Checker, value: unknown, where: string): ModelUsage {
  const usage = c.object(value, where);
  c.keys(usage, USAGE_KEYS, where);
  const parsed: ModelUsage = {};
  for (const key of USAGE_KEYS) {
    if (usage[key] !== undefined) {
      parsed[key as keyof ModelUsage] = c.count(usage[key], `${where}.${key}`);
    }
  }
  return parsed;
}

function parseErrorTurn(c: Checker, turn: Obj, where: string): ModelErrorTurn {
  c.keys(turn, ERROR_TURN_KEYS, where);
  const error = c.object(turn['error'], `${where}.error`);
  c.keys(error, ERROR_KEYS, `${where}.error`);
  const status = c.count(error['status'], `${where}.error.status`, { min: 400 });
  if (status > 599) c.fail(`${where}.error.status`, `expected an HTTP error status, got ${status}`);
  const spec: ModelErrorSpec = { status };
  if (error['type'] !== undefined) {
    spec.type = c.string(error['type'], `${where}.error.type`, { nonEmpty: true });
  }
  if (error['message'] !== undefined) {
    spec.message = c.string(error['message'], `${where}.error.message`);
  }
  const retryAfter = error['retry_after'];
  if (retryAfter !== undefined) {
    spec.retry_after =
      typeof retryAfter === 'number'
        ? c.count(retryAfter, `${where}.error.retry_after`)
        : c.string(retryAfter, `${where}.error.retry_after`);
  }
  if (error['headers'] !== undefined) {
    const headers = c.object(error['headers'], `${where}.error.headers`);
    spec.headers = {};
    for (const [name, value] of Object.entries(headers)) {
      spec.headers[name] = c.string(value, `${where}.error.headers.${name}`);
    }
  }
  const parsed: ModelErrorTurn = { error: spec };
  if (turn['stall'] !== undefined) parsed.stall = c.boolean(turn['stall'], `${where}.stall`);
  return parsed;
}

function parseContentTurn(c: Checker, turn: Obj, where: string): ModelContentTurn {
  c.keys(turn, CONTENT_TURN_KEYS, where);
  const content = turn['content'];
  if (!Array.isArray(content)) {
    c.fail(`${where}.content`, `expected an array of blocks, got ${describe(content)}`);
  }
  const parsed: ModelContentTurn = {
    content: content.map((block, i) => parseBlock(c, block, `${where}.content[${i}]`)),
  };
  const stopReason = turn['stop_reason'];
  if (stopReason !== undefined) {
    if (typeof stopReason !== 'string' || !STOP_REASONS.includes(stopReason)) {
      c.fail(
        `${where}.stop_reason`,
        `expected one of ${STOP_REASONS.join(', ')}, got ${describe(stopReason)}`,
      );
    }
    parsed.stop_reason = stopReason as ModelStopReason;
  }
  if (turn['usage'] !== undefined) parsed.usage = parseUsage(c, turn['usage'], `${where}.usage`);
  if (turn['chunk_chars'] !== undefined) {
    parsed.chunk_chars = c.count(turn['chunk_chars'], `${where}.chunk_chars`, { min: 1 });
  }
  if (turn['delay_ms'] !== undefined) {
    parsed.delay_ms = c.count(turn['delay_ms'], `${where}.delay_ms`);
  }
  if (turn['model'] !== undefined) {
    parsed.model = c.string(turn['model'], `${where}.model`, { nonEmpty: true });
  }
  if (turn['stall'] !== undefined) parsed.stall = c.boolean(turn['stall'], `${where}.stall`);
  if (turn['stall_after_chars'] !== undefined) {
    parsed.stall_after_chars = c.count(turn['stall_after_chars'], `${where}.stall_after_chars`);
  }
  return parsed;
}

/**
 * Checks one turn and returns a normalised copy.
 *
 * @param where - Where the turn sits, for error messages (e.g. `turns[3]`).
 * @param source - What the turn came from (e.g. a file path), for error messages.
 * @throws {ModelServerError} `INVALID_SCRIPT`, naming the field, the value and what was expected.
 */
export function parseModelTurn(value: unknown, where = 'turn', source?: string): ModelTurn {
  const c: Checker = new Checker(source);
  const turn = c.object(value, where);
  if ('error' in turn) return parseErrorTurn(c, turn, where);
  if ('content' in turn) return parseContentTurn(c, turn, where);
  return c.fail(where, 'a turn needs either "content" (an array of blocks) or "error" ({status})');
}

/**
 * Checks a parsed script object (`{ turns: [...] }`, the format of `*.mock.json`) and returns a
 * normalised deep copy. Unknown fields are rejected so that typos do not pass silently.
 *
 * @param source - What the script came from (e.g. a file path), for error messages.
 * @throws {ModelServerError} `INVALID_SCRIPT`, naming the field, the value and what was expected.
 */
export function parseModelScript(value: unknown, source?: string): ModelScript {
  const c: Checker = new Checker(source);
  const script = c.object(value, 'script');
  c.keys(script, ['turns'], 'script');
  const turns = script['turns'];
  if (!Array.isArray(turns)) {
    c.fail('turns', `expected an array of turns, got ${describe(turns)}`);
  }
  return { turns: turns.map((turn, i) => parseModelTurn(turn, `turns[${i}]`, source)) };
}
