import type { Severity } from './Severity.js';
import type { SkillDiagnosticCode } from './SkillDiagnostic.js';

/** Codes of problems in a plugin folder or a marketplace. The list is exhaustive. */
export const PLUGIN_DIAGNOSTIC_CODES = [
  /** Neither `.claude-plugin/plugin.json` nor `.claude-plugin/marketplace.json` exists. */
  'MANIFEST_MISSING',
  /** A JSON file does not parse. */
  'JSON_SYNTAX',
  /** A required field is missing. */
  'REQUIRED',
  /** A value has the wrong JSON type (also: the document root is not an object). */
  'TYPE',
  /** A plugin or marketplace name is empty or holds spaces, slashes or control characters. */
  'NAME_INVALID',
  /** Warning: a plugin name that is not kebab-case (Claude Code loads it; marketplace sync refuses it). */
  'NAME_NOT_KEBAB_CASE',
  /** A marketplace name reserved by Claude Code (`inline`, `builtin`, `skills-dir`, …). */
  'NAME_RESERVED',
  /** A URL field does not hold an absolute URL. */
  'URL_INVALID',
  /** A component path does not start with `./`. */
  'PATH_NOT_RELATIVE',
  /** A component path contains `..`. */
  'PATH_TRAVERSAL',
  /** A component path names nothing on disk. */
  'PATH_NOT_FOUND',
  /** A component path has the wrong extension (agents `.md`, hooks and MCP configs `.json`). */
  'PATH_EXTENSION',
  /** Warning: a field Claude Code does not know; it is ignored. */
  'UNKNOWN_FIELD',
  /** Warning: `version`, `description` or `author` is missing. */
  'METADATA_MISSING',
  /** The hooks config root has neither `hooks` nor `modules`, or `hooks` is not an object. */
  'HOOKS_SHAPE',
  /** Warning: a hook event name Claude Code does not know; the entry is ignored. */
  'HOOK_EVENT_UNKNOWN',
  /**
   * A matcher or hook entry Claude Code cannot load. An error for `PreToolUse` and
   * `PermissionRequest` (guards: the whole file is refused), a warning for other events (the entry
   * is skipped).
   */
  'HOOK_INVALID',
  /** An MCP server entry Claude Code drops (missing command/url, unknown type, bad types). */
  'MCP_SERVER_INVALID',
  /** Warning: a skill folder without a SKILL.md; nothing is loaded from it. */
  'SKILL_FILE_MISSING',
  /** Two marketplace entries share a plugin name. */
  'DUPLICATE_PLUGIN',
  /** A marketplace entry's `source` is neither a `./` path nor a known source object. */
  'SOURCE_INVALID',
  /** Warning: a marketplace with no plugins. */
  'PLUGINS_EMPTY',
] as const;

export type PluginOwnDiagnosticCode = (typeof PLUGIN_DIAGNOSTIC_CODES)[number];

/** Plugin codes, plus the SKILL.md codes for problems inside skill, agent and command files. */
export type PluginDiagnosticCode = PluginOwnDiagnosticCode | SkillDiagnosticCode;

/** A problem in a plugin folder or marketplace: which file, where (a JSON pointer), what. */
export interface PluginDiagnostic {
  code: PluginDiagnosticCode;
  severity: Severity;
  message: string;
  /** The file concerned, relative to the plugin (or marketplace) root, with `/` separators. */
  file: string;
  /**
   * RFC 6901 pointer into the file's JSON (or frontmatter) document: `/mcpServers/db/url`.
   * `''` is the whole document.
   */
  pointer: string;
  /** For Markdown files (skills, agents, commands): the 1-based position in the file. */
  line?: number;
  column?: number;
}
