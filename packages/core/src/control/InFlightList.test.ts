import { describe, expect, it } from 'vitest';
import { InFlightList } from './InFlightList.js';

const entry = (name: string) => ({ name, slot: -1 });

describe('InFlightList', () => {
  it('adds, removes in any order and keeps the others findable', () => {
    const list = new InFlightList<ReturnType<typeof entry>>();
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    list.add(a);
    list.add(b);
    list.add(c);
    expect(list.remove(a)).toBe(true);
    expect(list.remove(a)).toBe(false);
    expect(list.size).toBe(2);
    expect(list.filter(() => true).map((e) => e.name)).toEqual(['c', 'b']);
    expect(list.remove(b)).toBe(true);
    expect(list.remove(c)).toBe(true);
    expect(list.size).toBe(0);
    list.add(b);
    expect(list.filter((e) => e.name === 'b')).toEqual([b]);
  });

  it('clear() returns every entry and forgets them', () => {
    const list = new InFlightList<ReturnType<typeof entry>>();
    const [a, b] = [entry('a'), entry('b')];
    list.add(a);
    list.add(b);
    expect(list.clear()).toEqual([a, b]);
    expect(list.size).toBe(0);
    expect(list.remove(a)).toBe(false);
  });
});
