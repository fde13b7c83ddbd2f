import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTimeline } from '../parse/readTimeline.js';
import { diffTimelines } from './diffTimelines.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

describe('diffTimelines', () => {
  it('finds the first divergence of two recordings that differ in one tool result', () => {
    const diff = diffTimelines(
      readTimeline(fixture('session.jsonl')),
      readTimeline(fixture('session-changed.jsonl')),
    );
    expect(diff.first).toEqual({
      turn: 0,
      step: 6,
      what: 'turn 1, step 7: the tool call differs',
      left: 'mcp__calc__add → 5',
      right: 'mcp__calc__add → 6',
    });
    expect(diff.differingTurns).toEqual([0]);
  });

  it('finds nothing between a recording and itself, read from two formats', () => {
    const a = readTimeline(fixture('session.jsonl'));
    const b = readTimeline(fixture('platform-export.json'));
    // The platform log has no control requests (they stay between SDK and CLI): compare the
    // fixture with itself, and the export with itself.
    expect(diffTimelines(a, a).first).toBeUndefined();
    expect(diffTimelines(b, b).differingTurns).toEqual([]);
  });

  it('reports a turn that only one side has', () => {
    const a = readTimeline(fixture('session.jsonl'));
    const b = { ...a, turns: a.turns.slice(0, 1) };
    expect(diffTimelines(a, b).first).toMatchObject({
      turn: 1,
      step: 0,
      what: 'turn 2 is only in the left recording',
    });
  });
});
