import type { Step, Timeline, ToolStep, Turn } from './Timeline.js';

/** One line of the drawn timeline: a step at a depth (subagent steps and control steps are deeper). */
export interface Row {
  turn: number;
  depth: number;
  step: Step | { kind: 'turn'; turn: Turn };
  /** For a tool row: how many rows its subagent has (they follow it, unless folded). */
  childRows?: number;
  /** The Agent/Task call whose subagent this row is part of. */
  owner?: string;
}

/** The steps of one turn as rows, depth-first: a tool, its control steps, then its subagent. */
export function turnRows(turn: Turn): Row[] {
  const rows: Row[] = [];
  const walk = (steps: Step[], depth: number, owner?: string): void => {
    for (const step of steps) {
      const row: Row = { turn: turn.index, depth, step, ...(owner ? { owner } : {}) };
      rows.push(row);
      if (step.kind !== 'tool') continue;
      for (const control of step.control) {
        // Control steps belong to the call itself: they fold with it, not with its subagent.
        rows.push({
          turn: turn.index,
          depth: depth + 1,
          step: control,
          ...(owner ? { owner } : {}),
        });
      }
      if (step.children.length > 0) {
        const before = rows.length;
        walk(step.children, depth + 1, step.id);
        row.childRows = rows.length - before;
      }
    }
  };
  walk(turn.steps, 0);
  return rows;
}

/** Every row of a timeline, each turn led by a turn header row. */
export function timelineRows(timeline: Timeline): Row[] {
  const rows: Row[] = [];
  for (const turn of timeline.turns) {
    rows.push({ turn: turn.index, depth: 0, step: { kind: 'turn', turn } });
    for (const row of turnRows(turn)) rows.push(row);
  }
  return rows;
}

/**
 * What a step says, without what changes from one recording of the same session to the next
 * (ids, times, costs): two steps with equal signatures did the same thing.
 */
export function signature(step: Row['step']): string {
  switch (step.kind) {
    case 'turn':
      return 'turn';
    case 'tool':
      return `tool ${step.name} ${stable(step.input)} → ${step.isError ? 'error ' : ''}${stable(step.output)}`;
    case 'permission':
      return `permission ${step.tool} ${step.decision} ${step.message ?? ''} ${stable(step.updatedInput)}`;
    case 'hook':
      return `hook ${step.event} ${step.toolName ?? ''} ${stable(step.output)}`;
    case 'mcp':
      return `mcp ${step.server} ${step.method} ${stable(step.params)} → ${stable(step.result)} ${step.error ?? ''}`;
    case 'retry':
      return `retry ${step.status ?? ''}`;
    case 'result':
      return `result ${step.subtype} ${step.isError} ${step.text ?? ''}`;
    case 'unknown':
      return `unknown ${step.label}`;
    case 'system':
      return `system ${step.subtype} ${step.text}`;
    case 'error':
      return `error ${step.message}`;
    default:
      return `${step.kind} ${step.text}`;
  }
}

/** A one-line summary of a step's signature, for the divergence banner. */
export function describeStep(step: Row['step']): string {
  switch (step.kind) {
    case 'tool':
      return `${step.name} → ${short(step.output)}`;
    case 'mcp':
      return `${step.server} ${step.method} → ${short(step.error ?? step.result)}`;
    case 'permission':
      return `${step.tool}: ${step.decision}`;
    case 'hook':
      return `${step.event} hook → ${short(step.output)}`;
    case 'turn':
      return `turn ${step.turn.index + 1}`;
    case 'result':
      return `${step.subtype}: ${short(step.text)}`;
    case 'retry':
      return `retry (${step.status ?? '?'})`;
    case 'unknown':
      return step.label;
    case 'error':
      return short(step.message);
    default:
      return short(step.text);
  }
}

export function isTool(step: Row['step']): step is ToolStep {
  return step.kind === 'tool';
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * JSON with sorted keys, so key order does not count as a difference; ids and timings the CLI
 * writes into texts (a subagent's `agentId`, its `duration_ms`) are masked for the same reason.
 */
function stable(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'string'
        ? v
            .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
            .replace(/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/g, '<id>')
            .replace(/\b(duration_ms|subagent_tokens)(["':=\s]+)\d+/g, '$1$2<n>')
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
            )
          : v,
    ) ?? ''
  );
}
