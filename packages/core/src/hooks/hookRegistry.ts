import type { InboundHandler } from '../control/ControlRouter.js';
import type { HookCallback, HookEvent, HooksConfig } from './types.js';

/** What `initialize.hooks` carries for one matcher: the callbacks by id, never the functions. */
interface WireMatcher {
  matcher?: string;
  hookCallbackIds: string[];
  timeout?: number;
  onFailure?: 'continue' | 'block';
}

/**
 * Gives every hook callback an id, builds the `initialize.hooks` field, and answers
 * `hook_callback` by calling the callback with that id. A callback that throws becomes an
 * error response (the CLI reports it and the session goes on).
 */
export class HookRegistry {
  private readonly callbacks = new Map<string, HookCallback>();
  readonly wire: Partial<Record<HookEvent, WireMatcher[]>> = {};

  constructor(config: HooksConfig | undefined) {
    let next = 0;
    for (const [event, matchers] of Object.entries(config ?? {}) as Array<
      [HookEvent, HooksConfig[HookEvent]]
    >) {
      if (!matchers?.length) continue;
      this.wire[event] = matchers.map((m) => {
        const ids = m.hooks.map((callback) => {
          const id = `hook_${next++}`;
          this.callbacks.set(id, callback as HookCallback);
          return id;
        });
        return {
          ...(m.matcher !== undefined ? { matcher: m.matcher } : {}),
          hookCallbackIds: ids,
          ...(m.timeout !== undefined ? { timeout: m.timeout } : {}),
          ...(m.onFailure !== undefined ? { onFailure: m.onFailure } : {}),
        };
      });
    }
  }

  get size(): number {
    return this.callbacks.size;
  }

  handler(): InboundHandler<'hook_callback'> {
    return async (request, { signal }) => {
      const id = String(request.callback_id ?? '');
      const callback = this.callbacks.get(id);
      if (!callback) throw new Error(`No hook callback is registered with id "${id}".`);
      const toolUseId = typeof request.tool_use_id === 'string' ? request.tool_use_id : undefined;
      const output = await callback(request.input as Parameters<HookCallback>[0], toolUseId, {
        signal,
      });
      return (output ?? {}) as Record<string, unknown>;
    };
  }
}
