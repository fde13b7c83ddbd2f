import { HOOK_EVENTS } from '@agentsdk/core';

/** Hook event names Claude Code (2.1.x) accepts in hooks.json, plugin.json and frontmatter `hooks`: core's list. */
export { HOOK_EVENTS };

export type HookEventName = (typeof HOOK_EVENTS)[number];

/** Hook types a matcher's `hooks` list may hold. */
export const HOOK_TYPES = ['command', 'prompt', 'agent', 'http', 'mcp_tool'] as const;

/**
 * Events whose hooks guard permissions: Claude Code refuses the whole hooks file when one of their
 * entries cannot load (elsewhere a bad entry is skipped with a warning).
 */
export const GUARD_HOOK_EVENTS: ReadonlySet<string> = new Set(['PreToolUse', 'PermissionRequest']);
