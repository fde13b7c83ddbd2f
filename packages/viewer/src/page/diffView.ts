import { signature, turnRows, type Row } from '../model/rows.js';
import type { TimelineDiff } from '../model/Timeline.js';
import { h } from './dom.js';
import { renderRow, type RowState } from './renderStep.js';
import { virtualList } from './virtualList.js';

interface Pair {
  left?: Row;
  right?: Row;
  differs: boolean;
  turnDiffers?: boolean;
  first: boolean;
}

/** Two recordings side by side, aligned by turn, the first divergence marked and scrolled to. */
export function diffView(scroller: HTMLElement, diff: TimelineDiff): void {
  const pairs: Pair[] = [];
  const turns = Math.max(diff.left.turns.length, diff.right.turns.length);
  let firstIndex = -1;
  for (let t = 0; t < turns; t++) {
    const a = diff.left.turns[t];
    const b = diff.right.turns[t];
    pairs.push({
      ...(a ? { left: { turn: t, depth: 0, step: { kind: 'turn', turn: a } } } : {}),
      ...(b ? { right: { turn: t, depth: 0, step: { kind: 'turn', turn: b } } } : {}),
      // A turn header is not a step: it only says whether its turn has a difference.
      differs: false,
      turnDiffers: diff.differingTurns.includes(t),
      first: false,
    });
    const rowsA = a ? turnRows(a) : [];
    const rowsB = b ? turnRows(b) : [];
    for (let i = 0; i < Math.max(rowsA.length, rowsB.length); i++) {
      const left = rowsA[i];
      const right = rowsB[i];
      const first = diff.first?.turn === t && diff.first.step === i;
      if (first) firstIndex = pairs.length;
      pairs.push({
        ...(left ? { left } : {}),
        ...(right ? { right } : {}),
        differs: !left || !right || signature(left.step) !== signature(right.step),
        first,
      });
    }
  }
  const open = new Set<string>();
  const state = (index: number): RowState => ({
    isOpen: (key) => open.has(key),
    toggle: (key) => {
      if (open.has(key)) open.delete(key);
      else open.add(key);
      list.refresh(index);
    },
    // Both sides show their subagents: a divergence may be inside one.
    isUnfolded: () => true,
    toggleFold: () => undefined,
  });
  const side = (row: Row | undefined, key: string, index: number): HTMLElement =>
    row ? renderRow(row, key, state(index)) : h('div.missing', {}, '(nothing here)');
  const list = virtualList(
    scroller,
    (i) => {
      const pair = pairs[i] as Pair;
      const el = h(
        'div.pair',
        {
          class: `${pair.differs ? 'differs' : ''}${pair.turnDiffers ? ' turn-differs' : ''}${pair.first ? ' first-divergence' : ''}`,
        },
        h('div.side.left', {}, side(pair.left, `l${i}`, i)),
        h('div.side.right', {}, side(pair.right, `r${i}`, i)),
      );
      // Differing tool calls open, so the changed output is in view.
      return el;
    },
    () => 48,
  );
  for (const [i, pair] of pairs.entries()) {
    if (pair.first) {
      if (pair.left?.step.kind === 'tool') open.add(`l${i}`);
      if (pair.right?.step.kind === 'tool') open.add(`r${i}`);
    }
  }
  list.setCount(pairs.length);
  if (firstIndex >= 0) list.scrollTo(firstIndex, 'center');
}
