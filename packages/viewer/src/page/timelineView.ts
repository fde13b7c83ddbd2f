import { timelineRows, type Row } from '../model/rows.js';
import type { Timeline } from '../model/Timeline.js';
import { h } from './dom.js';
import { renderRow, type RowState } from './renderStep.js';
import { virtualList, type VirtualList } from './virtualList.js';

/** Rows a height estimate can start from before they are measured. */
function estimate(row: Row | undefined): number {
  if (!row) return 40;
  switch (row.step.kind) {
    case 'turn':
      return 44;
    case 'user':
    case 'text':
      return 40 + Math.ceil(row.step.text.length / 110) * 20;
    case 'tool':
      return 64;
    default:
      return 34;
  }
}

export interface TimelineView {
  update(timeline: Timeline): void;
}

/** The timeline of one session in a virtual list; subagents folded until asked. */
export function timelineView(
  scroller: HTMLElement,
  first: Timeline,
  follow: boolean,
): TimelineView {
  let all: Row[] = [];
  let visible: Row[] = [];
  const open = new Set<string>();
  const unfolded = new Set<string>();
  const keyOf = (row: Row, i: number): string =>
    row.step.kind === 'tool'
      ? `tool:${row.step.id}`
      : `${row.turn}:${row.step.kind}:${row.step.kind === 'turn' ? '' : (row.step.line ?? i)}`;

  const state: RowState = {
    isOpen: (key) => open.has(key),
    toggle: (key) => {
      if (open.has(key)) open.delete(key);
      else open.add(key);
      const i = visible.findIndex((r, j) => keyOf(r, j) === key);
      if (i >= 0) list.refresh(i);
    },
    isUnfolded: (id) => unfolded.has(id),
    toggleFold: (id) => {
      if (unfolded.has(id)) unfolded.delete(id);
      else unfolded.add(id);
      refold(true);
    },
  };

  /** Hide the rows inside folded subagents. */
  const refold = (keepHeights: boolean): void => {
    visible = all.filter((row) => !hiddenBy(row));
    list.setCount(visible.length, keepHeights);
  };
  /** The call each subagent call sits in, to fold nested subagents with their parent. */
  const owners = new Map<string, string | undefined>();
  const hiddenBy = (row: Row): boolean => {
    for (let owner = row.owner; owner; owner = owners.get(owner)) {
      if (!unfolded.has(owner)) return true;
    }
    return false;
  };

  const list: VirtualList = virtualList(
    scroller,
    (i) => {
      const row = visible[i] as Row;
      return renderRow(row, keyOf(row, i), state);
    },
    (i) => estimate(visible[i]),
  );

  const load = (timeline: Timeline): void => {
    all = timelineRows(timeline);
    owners.clear();
    for (const row of all) if (row.step.kind === 'tool') owners.set(row.step.id, row.owner);
  };

  load(first);
  refold(false);
  if (all.length === 0) scroller.append(h('div.empty', {}, 'This session has no messages yet.'));
  if (follow) list.scrollToBottom();

  return {
    update(timeline) {
      const stick = list.atBottom();
      load(timeline);
      scroller.querySelector('.empty')?.remove();
      refold(true);
      if (stick) list.scrollToBottom();
    },
  };
}
