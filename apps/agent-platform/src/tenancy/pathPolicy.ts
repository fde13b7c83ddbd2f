import type { CanUseTool, PermissionResult } from '@agentsdk/core';
import { isInside } from './isInside.js';
import { resolveRealPath } from './resolveRealPath.js';

/** Input fields that name a file or directory, per tool. */
const PATH_FIELDS: Record<string, readonly string[]> = {
  Read: ['file_path'],
  Write: ['file_path'],
  Edit: ['file_path'],
  MultiEdit: ['file_path'],
  NotebookEdit: ['notebook_path'],
  NotebookRead: ['notebook_path'],
  Glob: ['path'],
  Grep: ['path'],
  LS: ['path'],
};

/** Tools a tenant never gets: they reach outside the workspace by design. */
const DENIED_TOOLS = new Set(['WebFetch', 'WebSearch']);

export interface PathPolicyOptions {
  /** The workspace: the only tree the session may touch (the CLI's `cwd`). */
  workspace: string;
  /** Extra tools to deny. */
  deniedTools?: readonly string[];
}

export type PathDecision = { allowed: true } | { allowed: false; reason: string };

/** Tokens of a shell command that look like paths (contain `/`, start with `~` or are `..`). */
export function pathLikeTokens(command: string): string[] {
  return command
    .split(/[\s;|&<>()`'"=]+/)
    .filter((token) => token.length > 0)
    .filter((token) => token.includes('/') || token.startsWith('~') || token === '..');
}

/** Decides one tool call against the workspace; pure apart from reading the filesystem. */
export function decideToolUse(
  options: PathPolicyOptions,
  toolName: string,
  input: Record<string, unknown>,
  blockedPath?: string,
): PathDecision {
  const root = resolveRealPath('/', options.workspace);
  if (DENIED_TOOLS.has(toolName) || options.deniedTools?.includes(toolName)) {
    return { allowed: false, reason: `${toolName} is not available on this platform.` };
  }
  const candidates: string[] = [];
  for (const field of PATH_FIELDS[toolName] ?? []) {
    const value = input[field];
    if (typeof value === 'string' && value.length > 0) candidates.push(value);
  }
  if (toolName === 'Bash' && typeof input['command'] === 'string') {
    for (const token of pathLikeTokens(input['command'])) {
      if (token.startsWith('~')) {
        return {
          allowed: false,
          reason: `'${token}': the home directory is outside the workspace.`,
        };
      }
      candidates.push(token);
    }
  }
  if (blockedPath) candidates.push(blockedPath);
  for (const candidate of candidates) {
    const real = resolveRealPath(root, candidate);
    if (!isInside(root, real)) {
      return {
        allowed: false,
        reason: `'${candidate}' resolves to '${real}', outside this workspace. Use paths inside the current directory.`,
      };
    }
  }
  return { allowed: true };
}

/** A `canUseTool` callback enforcing `decideToolUse`. */
export function createPathPolicy(options: PathPolicyOptions): CanUseTool {
  return async (toolName, input, context): Promise<PermissionResult> => {
    const decision = decideToolUse(options, toolName, input, context.blockedPath);
    if (decision.allowed) return { behavior: 'allow', updatedInput: input };
    return { behavior: 'deny', message: decision.reason };
  };
}
