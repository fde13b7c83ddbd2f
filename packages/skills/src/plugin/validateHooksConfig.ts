import type { PluginDiagnostic } from '../diagnostics/PluginDiagnostic.js';
import type { Severity } from '../diagnostics/Severity.js';
import { describeType } from '../internal/describeType.js';
import { isAbsoluteUrl } from '../internal/isAbsoluteUrl.js';
import { isRecord } from '../internal/isRecord.js';
import { pointer } from '../internal/jsonPointer.js';
import { GUARD_HOOK_EVENTS, HOOK_EVENTS, HOOK_TYPES } from './hookEvents.js';

export interface ValidateHooksConfigOptions {
  /**
   * `file`: a hooks.json document (`{ "description"?, "hooks": { Event: [...] } }`).
   * `events`: the event map itself, as written inline in plugin.json or in frontmatter `hooks`.
   */
  form: 'file' | 'events';
  /** Named in diagnostics. Default `hooks/hooks.json`. */
  file?: string;
  /** Pointer of `value` in its document. Default `''`. */
  pointer?: string;
}

const EVENTS: ReadonlySet<string> = new Set(HOOK_EVENTS);
const TYPES: ReadonlySet<string> = new Set(HOOK_TYPES);
const FILE_KEYS = new Set(['$schema', 'description', 'hooks', 'modules']);

/** Check a hooks configuration the way Claude Code loads it. Pure: no file access. */
export function validateHooksConfig(
  value: unknown,
  options: ValidateHooksConfigOptions,
): PluginDiagnostic[] {
  const file = options.file ?? 'hooks/hooks.json';
  const base = options.pointer ?? '';
  const out: PluginDiagnostic[] = [];
  const add = (
    code: PluginDiagnostic['code'],
    severity: Severity,
    at: string,
    message: string,
  ): void => {
    out.push({ code, severity, file, pointer: at, message });
  };

  if (options.form === 'events') {
    checkEvents(value, base, add);
    return out;
  }

  if (!isRecord(value)) {
    add('TYPE', 'error', base, `A hooks file must hold a JSON object, not ${describeType(value)}.`);
    return out;
  }
  for (const key of Object.keys(value)) {
    if (FILE_KEYS.has(key)) continue;
    if (EVENTS.has(key)) {
      const guard = GUARD_HOOK_EVENTS.has(key);
      add(
        'HOOK_INVALID',
        guard ? 'error' : 'warning',
        pointer(base, key),
        `"${key}" is declared at the top level of the hooks file, outside the "hooks" object, and is ignored` +
          (guard
            ? ' — and an unloadable PreToolUse/PermissionRequest hook makes Claude Code refuse the file.'
            : '.') +
          ` Move it into "hooks": { "${key}": [...] }.`,
      );
    } else {
      add(
        'UNKNOWN_FIELD',
        'warning',
        pointer(base, key),
        `Unknown field "${key}" in the hooks file; it is ignored.`,
      );
    }
  }
  const modules = value.modules;
  const hasModules = Array.isArray(modules) && modules.length > 0;
  if (value.hooks === undefined && !hasModules) {
    add(
      'HOOKS_SHAPE',
      'error',
      base,
      'The hooks file has no "hooks" object: write { "hooks": { "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "…" }] }] } }.',
    );
    return out;
  }
  if (value.hooks !== undefined) checkEvents(value.hooks, pointer(base, 'hooks'), add);
  return out;
}

type Add = (
  code: PluginDiagnostic['code'],
  severity: Severity,
  at: string,
  message: string,
) => void;

function checkEvents(value: unknown, at: string, add: Add): void {
  if (!isRecord(value)) {
    add(
      'HOOKS_SHAPE',
      'error',
      at,
      `"hooks" must be an object that maps event names to matcher lists, not ${describeType(value)}.`,
    );
    return;
  }
  for (const [event, matchers] of Object.entries(value)) {
    const here = pointer(at, event);
    if (!EVENTS.has(event)) {
      const near = HOOK_EVENTS.find((e) => e.toLowerCase() === event.toLowerCase());
      add(
        'HOOK_EVENT_UNKNOWN',
        'warning',
        here,
        `Unknown hook event "${event}"; the entry is ignored.` +
          (near
            ? ` Did you mean "${near}"?`
            : ` Known events: ${HOOK_EVENTS.slice(0, 6).join(', ')}, ….`),
      );
      continue;
    }
    const severity: Severity = GUARD_HOOK_EVENTS.has(event) ? 'error' : 'warning';
    const consequence =
      severity === 'error'
        ? ' An unloadable PreToolUse/PermissionRequest hook makes Claude Code refuse the whole hooks config.'
        : ' Claude Code skips this entry.';
    const bad = (where: string, message: string): void =>
      add('HOOK_INVALID', severity, where, message + consequence);

    if (!Array.isArray(matchers)) {
      bad(here, `hooks.${event} must be a list of matchers, not ${describeType(matchers)}.`);
      continue;
    }
    matchers.forEach((matcher: unknown, i) => {
      const m = pointer(here, i);
      if (!isRecord(matcher)) {
        bad(
          m,
          `A matcher must be an object { "matcher"?, "hooks": [...] }, not ${describeType(matcher)}.`,
        );
        return;
      }
      if (matcher.matcher !== undefined && typeof matcher.matcher !== 'string')
        bad(
          pointer(m, 'matcher'),
          `"matcher" must be a string (a tool name or pattern), not ${describeType(matcher.matcher)}.`,
        );
      const hooks = matcher.hooks;
      if (!Array.isArray(hooks)) {
        bad(
          pointer(m, 'hooks'),
          `A matcher's "hooks" must be a list of hook entries, not ${describeType(hooks)}.`,
        );
        return;
      }
      hooks.forEach((hook: unknown, j) => {
        const problem = hookProblem(hook);
        if (problem) bad(pointer(m, 'hooks', j, ...problem.path), problem.message);
      });
    });
  }
}

interface Problem {
  path: string[];
  message: string;
}

function hookProblem(hook: unknown): Problem | undefined {
  if (!isRecord(hook))
    return { path: [], message: `A hook entry must be an object, not ${describeType(hook)}.` };
  const type = hook.type;
  if (typeof type !== 'string')
    return {
      path: ['type'],
      message:
        type === undefined
          ? 'The hook entry has no "type".'
          : `"type" must be a string, not ${describeType(type)}.`,
    };
  if (!TYPES.has(type))
    return {
      path: ['type'],
      message: `Unknown hook type "${type}"; use one of ${HOOK_TYPES.join(', ')}.`,
    };
  const required: Record<string, string[]> = {
    command: ['command'],
    prompt: ['prompt'],
    agent: ['prompt'],
    http: ['url'],
    mcp_tool: ['server', 'tool'],
  };
  for (const key of required[type] ?? []) {
    if (typeof hook[key] !== 'string')
      return {
        path: [key],
        message: `A ${type} hook needs "${key}" as a string; got ${describeType(hook[key])}.`,
      };
  }
  if (hook.timeout !== undefined && !(typeof hook.timeout === 'number' && hook.timeout > 0))
    return {
      path: ['timeout'],
      message: `"timeout" must be a positive number of seconds, not ${describeType(hook.timeout)}.`,
    };
  for (const key of ['statusMessage', 'model'] as const) {
    if (hook[key] !== undefined && typeof hook[key] !== 'string')
      return { path: [key], message: `"${key}" must be a string, not ${describeType(hook[key])}.` };
  }
  for (const key of ['once', 'async', 'asyncRewake'] as const) {
    if (hook[key] !== undefined && typeof hook[key] !== 'boolean')
      return {
        path: [key],
        message: `"${key}" must be true or false, not ${describeType(hook[key])}.`,
      };
  }
  if (hook.args !== undefined && !isStringList(hook.args))
    return { path: ['args'], message: '"args" must be a list of strings.' };
  if (
    type === 'command' &&
    hook.shell !== undefined &&
    hook.shell !== 'bash' &&
    hook.shell !== 'powershell'
  )
    return {
      path: ['shell'],
      message: `"shell" must be "bash" or "powershell", not ${JSON.stringify(hook.shell)}.`,
    };
  if (type === 'http') {
    if (!isAbsoluteUrl(hook.url as string))
      return {
        path: ['url'],
        message: `"url" must be an absolute URL (https://host/path), not "${String(hook.url)}".`,
      };
    if (hook.headers !== undefined && !isStringRecord(hook.headers))
      return { path: ['headers'], message: '"headers" must map header names to strings.' };
    if (hook.allowedEnvVars !== undefined && !isStringList(hook.allowedEnvVars))
      return { path: ['allowedEnvVars'], message: '"allowedEnvVars" must be a list of strings.' };
  }
  if (type === 'mcp_tool' && hook.input !== undefined && !isRecord(hook.input))
    return { path: ['input'], message: '"input" must be an object of tool arguments.' };
  return undefined;
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isStringRecord(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}
