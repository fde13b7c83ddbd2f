/**
 * A single-consumer async queue. Producers never wait (the stdout reader must keep routing
 * control messages whatever the consumer does); the consumer waits for the next item.
 */
export class MessageQueue<T> {
  private items: T[] = [];
  private head = 0;
  private waiter:
    { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | undefined;
  private done = false;
  private error: unknown;
  private hasError = false;

  push(item: T): void {
    if (this.done) return;
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter.resolve({ value: item, done: false });
    } else {
      this.items.push(item);
    }
  }

  /** No more items: the consumer drains what is queued, then sees the end. */
  end(): void {
    this.finish();
  }

  /** The consumer drains what is queued, then gets `error`. The first failure wins. */
  fail(error: unknown): void {
    if (this.done) return;
    this.hasError = true;
    this.error = error;
    this.finish();
  }

  get ended(): boolean {
    return this.done;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head] as T;
      this.items[this.head] = undefined as T;
      this.head += 1;
      // Compact now and then so a long session does not keep a growing array.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.done) {
      if (this.hasError) {
        this.hasError = false;
        const error = this.error;
        this.error = undefined;
        return Promise.reject(error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  private finish(): void {
    this.done = true;
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    if (this.hasError) {
      this.hasError = false;
      waiter.reject(this.error);
      this.error = undefined;
    } else {
      waiter.resolve({ value: undefined, done: true });
    }
  }
}
