/**
 * How an error reached the caller: `typed <code> (<Class>)` for an SDK error with a string code
 * (agentsdk's `AgentSDKError` and the like), else `untyped <Class>`, plus the message head.
 */
export function describeError(error: unknown): { outcome: string; message: string } {
  if (!(error instanceof Error))
    return { outcome: `non-Error ${typeof error}`, message: String(error) };
  const code = (error as { code?: unknown }).code;
  const outcome =
    typeof code === 'string' ? `typed ${code} (${error.name})` : `untyped ${error.name}`;
  return { outcome, message: error.message.slice(0, 160) };
}
