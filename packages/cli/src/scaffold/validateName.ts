import { builtinModules } from 'node:module';

/**
 * Problems with `name` as an npm package name (the rules of `validate-npm-package-name` for new
 * packages). Empty when it is valid.
 */
export function npmNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) return ['it is empty'];
  if (name.length > 214) problems.push('it is longer than 214 characters');
  if (name.trim() !== name) problems.push('it has leading or trailing spaces');
  if (/^[._]/.test(name)) problems.push('it starts with "." or "_"');
  if (name.toLowerCase() !== name) problems.push('it has capital letters');
  if (/[~'!()*]/.test(name.split('/').slice(-1)[0] ?? '')) problems.push("it has one of ~'!()*");
  if (['node_modules', 'favicon.ico'].includes(name)) problems.push('it is a reserved name');
  if (builtinModules.includes(name)) problems.push('it is a Node.js core module name');
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  const parts = scoped ? [scoped[1] ?? '', scoped[2] ?? ''] : [name];
  if (name.startsWith('@') && !scoped) problems.push('a scoped name is @scope/name');
  else if (parts.some((part) => encodeURIComponent(part) !== part || part === '')) {
    problems.push('it has characters that are not URL-safe (use a-z, 0-9, "-", ".", "_")');
  }
  return problems;
}

/** A name's last segment (`@me/my-tool` → `my-tool`): the folder, server, skill or agent name. */
export function baseName(name: string): string {
  return name.split('/').slice(-1)[0] ?? name;
}

/** Skill, plugin and agent names: lowercase letters, digits and single hyphens, at most 64. */
export function kebabNameProblems(name: string): string[] {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && name.length <= 64
    ? []
    : [
        'skill, plugin and agent names use only lowercase letters, digits and single hyphens (at most 64 characters)',
      ];
}

/** A valid suggestion close to `input`: `My Tool!` → `my-tool`. */
export function suggestName(input: string): string {
  const slug = input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'my-agent-tool' : slug.slice(0, 64);
}

/** Tool names: the rule of `tool()` in @agentsdk/tools (letters, digits, `_` and `-`, 1 to 64). */
export function toolNameProblems(name: string): string[] {
  return /^[a-zA-Z0-9_-]{1,64}$/.test(name)
    ? []
    : ['tool names use only letters, digits, "_" and "-" (1 to 64 characters)'];
}
