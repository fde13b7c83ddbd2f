import type { Timeline, TimelineDiff } from '../model/Timeline.js';
import { describeStep, signature, turnRows } from '../model/rows.js';

/**
 * Align two recordings by turn and find where they first differ. Steps are compared by what
 * they did (`signature`: tool names, inputs, outputs, decisions, texts), not by ids or times,
 * so two recordings of the same session compare equal.
 */
export function diffTimelines(left: Timeline, right: Timeline): TimelineDiff {
  const diff: TimelineDiff = { left, right, differingTurns: [] };
  const turns = Math.max(left.turns.length, right.turns.length);
  for (let t = 0; t < turns; t++) {
    const a = left.turns[t];
    const b = right.turns[t];
    const rowsA = a ? turnRows(a) : [];
    const rowsB = b ? turnRows(b) : [];
    const n = Math.max(rowsA.length, rowsB.length);
    for (let i = 0; i < n; i++) {
      const ra = rowsA[i];
      const rb = rowsB[i];
      if (ra && rb && signature(ra.step) === signature(rb.step)) continue;
      diff.differingTurns.push(t);
      if (!diff.first) {
        const kind = (ra ?? rb)?.step.kind ?? 'step';
        const what =
          !a || !b
            ? `turn ${t + 1} is only in the ${a ? 'left' : 'right'} recording`
            : !ra || !rb
              ? `turn ${t + 1} has ${rowsA.length} steps on the left and ${rowsB.length} on the right`
              : `turn ${t + 1}, step ${i + 1}: the ${label(kind)} differs`;
        diff.first = {
          turn: t,
          step: i,
          what,
          ...(ra ? { left: describeStep(ra.step) } : {}),
          ...(rb ? { right: describeStep(rb.step) } : {}),
        };
      }
      break;
    }
  }
  return diff;
}

function label(kind: string): string {
  switch (kind) {
    case 'tool':
      return 'tool call';
    case 'mcp':
      return 'MCP call';
    case 'permission':
      return 'permission decision';
    case 'hook':
      return 'hook answer';
    case 'text':
      return 'assistant text';
    default:
      return kind;
  }
}
