import type { InboundHandler } from '../control/ControlRouter.js';
import type { CanUseTool, PermissionDecisionClassification, PermissionUpdate } from './types.js';

/**
 * Answers `can_use_tool` with the user's callback. Fails closed: a callback that throws or
 * returns something that is not a permission result becomes a deny carrying the reason. An
 * allow always carries `updatedInput` (the original input when unchanged) — the CLI needs it.
 */
export function canUseToolHandler(
  canUseTool: CanUseTool,
  report: (error: unknown) => void,
): InboundHandler<'can_use_tool'> {
  return async (request, { signal }) => {
    const input = isRecord(request.input) ? request.input : {};
    const toolUseId = typeof request.tool_use_id === 'string' ? request.tool_use_id : '';
    const toolUseID = toolUseId || undefined;
    let result: unknown;
    try {
      result = await canUseTool(String(request.tool_name ?? ''), input, {
        signal,
        suggestions: Array.isArray(request.permission_suggestions)
          ? (request.permission_suggestions as PermissionUpdate[])
          : [],
        toolUseId,
        ...(typeof request.blocked_path === 'string' ? { blockedPath: request.blocked_path } : {}),
        ...(typeof request.decision_reason === 'string'
          ? { decisionReason: request.decision_reason }
          : {}),
        ...(typeof request.agent_id === 'string' ? { agentId: request.agent_id } : {}),
        raw: request as unknown as Record<string, unknown>,
      });
    } catch (error) {
      report(error);
      return {
        behavior: 'deny',
        message: `Permission check failed: ${messageOf(error)}`,
        toolUseID,
      };
    }
    if (!isRecord(result) || (result.behavior !== 'allow' && result.behavior !== 'deny')) {
      const why = `canUseTool returned ${JSON.stringify(result) ?? String(result)}; expected { behavior: 'allow' | 'deny' }.`;
      report(new TypeError(why));
      return { behavior: 'deny', message: `Permission check failed: ${why}`, toolUseID };
    }
    if (result.behavior === 'allow') {
      return {
        behavior: 'allow',
        updatedInput: isRecord(result.updatedInput) ? result.updatedInput : input,
        ...(Array.isArray(result.updatedPermissions)
          ? { updatedPermissions: result.updatedPermissions }
          : {}),
        ...classification(result),
        toolUseID,
      };
    }
    return {
      behavior: 'deny',
      message:
        typeof result.message === 'string' ? result.message : 'Denied by the canUseTool callback.',
      ...(result.interrupt === true ? { interrupt: true } : {}),
      ...classification(result),
      toolUseID,
    };
  };
}

const CLASSIFICATIONS: readonly string[] = [
  'user_temporary',
  'user_permanent',
  'user_reject',
] satisfies PermissionDecisionClassification[];

/** Passes the host's own telling of the decision on; an unknown value is left out, not sent. */
function classification(result: Record<string, unknown>): {
  decisionClassification?: PermissionDecisionClassification;
} {
  const value = result.decisionClassification;
  return typeof value === 'string' && CLASSIFICATIONS.includes(value)
    ? { decisionClassification: value as PermissionDecisionClassification }
    : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
