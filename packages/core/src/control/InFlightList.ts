/** An entry of an `InFlightList`: it carries its own index. */
export interface InFlightEntry {
  slot: number;
}

/**
 * Requests in flight, added and removed once each without allocating. A Map keyed by request id
 * reallocates its table whenever a delete empties it, which is after every sequential request
 * (a tool call at a time); lookups by id are rare (cancellation), so they scan.
 */
export class InFlightList<T extends InFlightEntry> {
  private readonly entries: (T | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(entry: T): void {
    entry.slot = this.count;
    this.entries[this.count++] = entry;
  }

  /** Remove `entry` (swapping the last one into its slot); false when it was not in the list. */
  remove(entry: T): boolean {
    const slot = entry.slot;
    if (slot < 0 || this.entries[slot] !== entry) return false;
    const last = this.entries[--this.count]!;
    this.entries[slot] = last;
    last.slot = slot;
    // Cleared, never popped: emptying the array would free its backing store.
    this.entries[this.count] = undefined;
    entry.slot = -1;
    return true;
  }

  /** The entries matching `test`, as a snapshot (callers may remove them while iterating). */
  filter(test: (entry: T) => boolean): T[] {
    const found: T[] = [];
    for (let slot = 0; slot < this.count; slot++) {
      const entry = this.entries[slot]!;
      if (test(entry)) found.push(entry);
    }
    return found;
  }

  /** Remove every entry and return them. */
  clear(): T[] {
    const all = this.entries.slice(0, this.count) as T[];
    for (const entry of all) entry.slot = -1;
    this.entries.fill(undefined);
    this.count = 0;
    return all;
  }
}
