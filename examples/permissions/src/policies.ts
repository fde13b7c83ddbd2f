import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CanUseTool, PermissionResult } from '@agentsdk/core';

/** A policy decides, or returns undefined to leave the decision to the next one. */
export type Policy = (
  toolName: string,
  input: Record<string, unknown>,
) => PermissionResult | undefined;

// #region deny-dangerous
const DANGEROUS = [/\brm\s+-[a-z]*(r[a-z]*f|f[a-z]*r)/i, /\bsudo\b/, /> *\/dev\//];

/** Deny dangerous shell commands, and end the turn: nothing after them should run. */
export const denyDangerous: Policy = (toolName, input) => {
  const command = toolName === 'Bash' ? String(input['command'] ?? '') : '';
  const pattern = DANGEROUS.find((p) => p.test(command));
  if (!pattern) return undefined;
  return { behavior: 'deny', message: `Dangerous command blocked (${pattern})`, interrupt: true };
};
// #endregion deny-dangerous

// #region tenant-guard
/** Keep a tenant's agent inside its own folders: file tools by path, Bash by a heuristic. */
export function tenantGuard(allowedRoots: string[]): Policy {
  const inside = (path: string) =>
    allowedRoots.some((root) => {
      const rel = relative(root, resolve(root, path));
      return !rel.startsWith('..') && !isAbsolute(rel);
    });
  return (toolName, input) => {
    const path = input['file_path'] ?? input['path'] ?? input['notebook_path'];
    if (['Read', 'Write', 'Edit', 'Glob', 'Grep', 'NotebookEdit'].includes(toolName)) {
      if (typeof path === 'string' && !inside(path))
        return {
          behavior: 'deny',
          message: `Access denied: ${path} is outside the tenant workspace`,
        };
    }
    if (toolName === 'Bash') {
      // A heuristic only: parent references, home and system paths. Pair it with a sandbox.
      const command = String(input['command'] ?? '');
      if (/(^|[\s'"=])(\.\.|~|\/etc|\/root|\/home)(\/|\s|$)/.test(command))
        return {
          behavior: 'deny',
          message: 'Access denied: the command reaches outside the workspace',
        };
    }
    return undefined;
  };
}
// #endregion tenant-guard

// #region rewrite-input
/** Allow writes, but only into `drafts/`: the tool runs with the rewritten input. */
export function draftsOnly(workspace: string): Policy {
  return (toolName, input) => {
    if (toolName !== 'Write' || typeof input['file_path'] !== 'string') return undefined;
    const rel = relative(workspace, resolve(workspace, input['file_path']));
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined; // outside: the guard's call
    if (rel.split(sep)[0] === 'drafts') return undefined; // already there
    return {
      behavior: 'allow',
      updatedInput: { ...input, file_path: join(workspace, 'drafts', rel) },
    };
  };
}
// #endregion rewrite-input

const changes = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys(after)
    .filter((key) => after[key] !== before[key])
    .map((key) => `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`)
    .join(', ');

// #region compose
/** The first policy with an opinion wins; anything no policy objects to is allowed. */
export function canUseToolFrom(
  policies: Policy[],
  log: (line: string) => void = console.log,
): CanUseTool {
  return (toolName, input) => {
    for (const policy of policies) {
      const decision = policy(toolName, input);
      if (!decision) continue;
      log(
        decision.behavior === 'deny'
          ? `policy › deny ${toolName}: ${decision.message}${decision.interrupt ? ' (turn ended)' : ''}`
          : `policy › allow ${toolName}, rewritten: ${changes(input, decision.updatedInput ?? input)}`,
      );
      return decision;
    }
    log(`policy › allow ${toolName}`);
    return { behavior: 'allow' };
  };
}
// #endregion compose
