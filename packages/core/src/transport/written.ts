/**
 * What a transport's `write()` returns when the message went out at once: one settled promise for
 * every such write, so the hot path (a control answer per tool call) allocates none, and callers
 * that only guard against a failed write can skip the guard when they get it.
 */
export const WRITTEN: Promise<void> = Promise.resolve();
