import { inspect } from 'node:util';
import type { ToolErrorContext, ToolErrorHook } from './ToolErrorHook.js';

/**
 * Tell the tool's author that its handler threw: the `onError` hook, or stderr with the stack.
 * Resolves with the message for the model (the hook's replacement, or the default one). Never
 * rejects: a failing hook is reported on stderr too.
 */
export async function reportToolError(
  error: unknown,
  context: ToolErrorContext,
  hook: ToolErrorHook | undefined,
): Promise<string> {
  if (hook === undefined) {
    writeToStderr(error, context);
    return context.message;
  }
  try {
    const replacement = await hook(error, context);
    return typeof replacement === 'string' && replacement !== '' ? replacement : context.message;
  } catch (hookError) {
    writeToStderr(error, context);
    process.stderr.write(`[@agentsdk/tools] …and its onError hook threw: ${inspect(hookError)}\n`);
    return context.message;
  }
}

function writeToStderr(error: unknown, context: ToolErrorContext): void {
  const where = [
    context.serverName !== undefined && `on server "${context.serverName}"`,
    context.toolUseId !== undefined && `(tool_use_id ${context.toolUseId})`,
  ].filter(Boolean);
  // inspect() prints the stack, the `cause` chain and extra properties (a `code`, a status).
  process.stderr.write(
    `[@agentsdk/tools] Tool "${context.toolName}" ${[...where, 'threw:'].join(' ')} ${inspect(error)}\n`,
  );
}
