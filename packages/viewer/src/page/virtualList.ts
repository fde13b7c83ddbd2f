/**
 * A virtual list of rows of varying height: only the rows in (and near) the viewport exist in
 * the DOM. Heights start as an estimate and are measured once a row is drawn, so 10,000 rows
 * cost what 40 do.
 */
export interface VirtualList {
  /** Replace the rows (their count changed, or their content). Keeps the scroll position. */
  setCount(count: number, keepHeights?: boolean): void;
  /** Redraw one row (its content or height changed). */
  refresh(index: number): void;
  scrollTo(index: number, align?: 'start' | 'center'): void;
  atBottom(): boolean;
  scrollToBottom(): void;
}

const OVERSCAN_PX = 600;

export function virtualList(
  scroller: HTMLElement,
  render: (index: number) => HTMLElement,
  estimate: (index: number) => number,
): VirtualList {
  const spacer = document.createElement('div');
  spacer.className = 'vl-spacer';
  scroller.append(spacer);
  let count = 0;
  let heights: number[] = [];
  let measured: boolean[] = [];
  let offsets: number[] = [0];
  const drawn = new Map<number, HTMLElement>();
  let frame = 0;

  const layout = (): void => {
    offsets = new Array<number>(count + 1);
    offsets[0] = 0;
    for (let i = 0; i < count; i++)
      offsets[i + 1] = (offsets[i] as number) + (heights[i] as number);
    spacer.style.height = `${offsets[count]}px`;
  };

  /** The first row whose bottom is below `y` (binary search over the offsets). */
  const rowAt = (y: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((offsets[mid + 1] as number) <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo);
  };

  const draw = (): void => {
    frame = 0;
    for (let pass = 0; pass < 3; pass++) {
      const top = scroller.scrollTop - OVERSCAN_PX;
      const bottom = scroller.scrollTop + scroller.clientHeight + OVERSCAN_PX;
      const first = count ? rowAt(Math.max(0, top)) : 0;
      let last = first;
      while (last < count && (offsets[last] as number) < bottom) last++;
      for (const [i, el] of drawn) {
        if (i < first || i >= last) {
          el.remove();
          drawn.delete(i);
        }
      }
      let changed = false;
      for (let i = first; i < last; i++) {
        let el = drawn.get(i);
        if (!el) {
          el = render(i);
          el.classList.add('vl-row');
          el.dataset['index'] = String(i);
          spacer.append(el);
          drawn.set(i, el);
        }
        el.style.transform = `translateY(${offsets[i]}px)`;
        if (!measured[i]) {
          const h = el.offsetHeight;
          measured[i] = true;
          if (h !== heights[i]) {
            heights[i] = h;
            changed = true;
          }
        }
      }
      if (!changed) return;
      layout();
    }
    for (const [i, el] of drawn) el.style.transform = `translateY(${offsets[i]}px)`;
  };

  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  scroller.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', () => {
    measured = measured.map(() => false);
    for (const el of drawn.values()) el.remove();
    drawn.clear();
    schedule();
  });

  return {
    setCount(next, keepHeights = false) {
      const old = heights;
      count = next;
      heights = Array.from({ length: count }, (_, i) =>
        keepHeights && i < old.length ? (old[i] as number) : estimate(i),
      );
      measured = Array.from(
        { length: count },
        (_, i) => keepHeights && i < old.length && measured[i] === true,
      );
      for (const el of drawn.values()) el.remove();
      drawn.clear();
      layout();
      draw();
    },
    refresh(index) {
      drawn.get(index)?.remove();
      drawn.delete(index);
      measured[index] = false;
      draw();
    },
    scrollTo(index, align = 'start') {
      const y = offsets[Math.min(index, count)] ?? 0;
      scroller.scrollTop = align === 'center' ? y - scroller.clientHeight / 3 : y;
      draw();
    },
    atBottom() {
      return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40;
    },
    scrollToBottom() {
      scroller.scrollTop = scroller.scrollHeight;
      draw();
      scroller.scrollTop = scroller.scrollHeight;
      draw();
    },
  };
}
