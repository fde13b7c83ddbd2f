import { reportToolError } from './reportToolError.js';
import type { ToolErrorHook } from './ToolErrorHook.js';

const hooks = new WeakMap<object, ToolErrorHook>();

/** Remember a server's `onError` (from `createSdkMcpServer()`), keyed by its registry. */
export function setServerErrorHook(
  registry: { readonly name: string },
  hook: ToolErrorHook | undefined,
): void {
  const serverName = registry.name;
  // The server's hook, or the stderr report when it has none, told which server the tool is on.
  hooks.set(registry, (error, context) => reportToolError(error, { ...context, serverName }, hook));
}

/** The `onError` to put in the call options of every tool call the server routes. */
export function serverErrorHook(registry: object): ToolErrorHook | undefined {
  return hooks.get(registry);
}
