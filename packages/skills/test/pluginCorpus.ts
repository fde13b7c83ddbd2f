import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PluginDiagnosticCode } from '../src/diagnostics/PluginDiagnostic.js';

/** A plugin (or marketplace) folder, what our validator says about it, and what the CLI says. */
export interface PluginCase {
  name: string;
  /** Files of the folder: relative path → content (objects are written as JSON). */
  files: Record<string, string | object>;
  /** Our verdict (default mode: Agent Skills format violations are errors). */
  valid: boolean;
  /**
   * Our verdict in the compatibility mode (`lenient: true`), when it differs from `valid`: the
   * Agent Skills rules Claude Code tolerates. These are the deliberate differences of the default
   * mode, listed in the README.
   */
  lenientValid?: boolean;
  /** Codes we must report (errors or warnings). */
  codes: PluginDiagnosticCode[];
  /**
   * Set when `claude plugin validate` deliberately disagrees with us even in the compatibility mode
   * (listed in the README's "Deliberate differences"); otherwise the CLI's verdict must equal the
   * compatibility-mode verdict (`lenientValid ?? valid`).
   */
  cliDiffers?: string;
}

const meta = { version: '1.0.0', description: 'A test plugin.', author: { name: 'Test' } };
const plugin = (extra: object = {}) => ({
  '.claude-plugin/plugin.json': { name: 'demo', ...meta, ...extra },
});
const skill = (frontmatter: string, body = 'Do the thing.\n') =>
  `---\n${frontmatter}\n---\n\n${body}`;
const goodSkill = skill('name: greet\ndescription: Greets the user. Use when the user says hello.');
const hooks = (events: object) => ({ 'hooks/hooks.json': { hooks: events } });
const cmd = (extra: object = {}) => ({ type: 'command', command: 'echo hi', ...extra });
const market = (extra: object) => ({
  '.claude-plugin/marketplace.json': {
    name: 'demo-market',
    owner: { name: 'Test' },
    description: 'Plugins.',
    plugins: [],
    ...extra,
  },
});

export const PLUGIN_CORPUS: PluginCase[] = [
  // --- manifests
  {
    name: 'minimal',
    files: { '.claude-plugin/plugin.json': { name: 'demo' } },
    valid: true,
    codes: ['METADATA_MISSING'],
  },
  {
    name: 'complete',
    files: {
      ...plugin({ homepage: 'https://example.com', license: 'MIT', keywords: ['demo'] }),
      'skills/greet/SKILL.md': goodSkill,
      'skills/greet/references/phrases.md': 'Hello!\n',
      'commands/hello.md':
        '---\ndescription: Say hello\nargument-hint: <name>\n---\nSay hello to $ARGUMENTS.\n',
      'agents/reviewer.md':
        '---\nname: reviewer\ndescription: Reviews code. Use after edits.\ntools: Read, Grep\nmodel: sonnet\n---\nYou review code.\n',
      ...hooks({
        PreToolUse: [{ matcher: 'Bash', hooks: [cmd({ timeout: 5 })] }],
        Stop: [{ hooks: [{ type: 'prompt', prompt: 'Done?' }] }],
      }),
      '.mcp.json': {
        mcpServers: {
          db: { command: 'node', args: ['db.js'], env: { A: 'b' } },
          api: { type: 'http', url: 'https://api.example.com/mcp' },
        },
      },
    },
    valid: true,
    codes: [],
  },
  {
    name: 'name-missing',
    files: { '.claude-plugin/plugin.json': { ...meta } },
    valid: false,
    codes: ['REQUIRED'],
  },
  {
    name: 'name-with-spaces',
    files: plugin({ name: 'My Plugin' }),
    valid: false,
    codes: ['NAME_INVALID'],
  },
  {
    name: 'name-not-kebab-case',
    files: plugin({ name: 'My_Plugin' }),
    valid: true,
    codes: ['NAME_NOT_KEBAB_CASE'],
  },
  {
    name: 'manifest-json-syntax',
    files: { '.claude-plugin/plugin.json': '{ "name": "demo", }' },
    valid: false,
    codes: ['JSON_SYNTAX'],
  },
  {
    name: 'manifest-not-object',
    files: { '.claude-plugin/plugin.json': '[1]' },
    valid: false,
    codes: ['TYPE'],
  },
  { name: 'author-is-string', files: plugin({ author: 'Test' }), valid: false, codes: ['TYPE'] },
  {
    name: 'homepage-not-url',
    files: plugin({ homepage: 'example' }),
    valid: false,
    codes: ['URL_INVALID'],
  },
  {
    name: 'unknown-field',
    files: plugin({ color: 'blue' }),
    valid: true,
    codes: ['UNKNOWN_FIELD'],
  },
  {
    name: 'skills-tree-without-manifest',
    files: { 'skills/greet/SKILL.md': goodSkill },
    valid: true,
    codes: ['MANIFEST_MISSING'],
  },
  {
    name: 'nothing-to-load',
    files: { 'README.md': 'Nothing here.\n' },
    valid: false,
    codes: ['MANIFEST_MISSING'],
  },
  {
    name: 'agents-without-manifest',
    files: { 'agents/a.md': '---\nname: a\ndescription: A. Use for a.\n---\nPrompt.\n' },
    valid: false,
    codes: ['MANIFEST_MISSING'],
  },
  {
    name: 'project-claude-folder',
    files: { '.claude/skills/greet/SKILL.md': skill('name: greet\ndescription: [1, 2]') },
    valid: false,
    codes: ['DESCRIPTION_TYPE'],
  },

  // --- component paths
  {
    name: 'custom-paths',
    files: {
      ...plugin({
        commands: ['./extra/cmd.md'],
        agents: ['./extra/agent.md'],
        skills: './more-skills',
        hooks: './config/hooks.json',
        mcpServers: './config/mcp.json',
      }),
      'extra/cmd.md': '---\ndescription: Extra\n---\nExtra.\n',
      'extra/agent.md':
        '---\nname: extra\ndescription: Extra agent. Use for extras.\n---\nPrompt.\n',
      'more-skills/greet/SKILL.md': goodSkill,
      'config/hooks.json': { hooks: {} },
      'config/mcp.json': { mcpServers: {} },
    },
    valid: true,
    codes: [],
  },
  {
    name: 'path-without-dot-slash',
    files: { ...plugin({ commands: 'cmds' }), 'cmds/a.md': 'A\n' },
    valid: false,
    codes: ['PATH_NOT_RELATIVE'],
  },
  {
    name: 'path-traversal',
    files: plugin({ skills: './../outside' }),
    valid: false,
    codes: ['PATH_TRAVERSAL'],
  },
  {
    name: 'path-missing',
    files: plugin({ commands: './nope' }),
    valid: false,
    codes: ['PATH_NOT_FOUND'],
  },
  {
    name: 'agents-path-not-md',
    files: { ...plugin({ agents: './custom-agents/' }), 'custom-agents/a.md': 'A\n' },
    valid: false,
    codes: ['PATH_EXTENSION'],
  },
  {
    name: 'hooks-path-not-json',
    files: { ...plugin({ hooks: './hooks/hooks.yaml' }), 'hooks/hooks.yaml': 'hooks: {}\n' },
    valid: false,
    codes: ['PATH_EXTENSION'],
  },
  {
    name: 'inline-hooks-and-servers',
    files: plugin({
      hooks: { SessionStart: [{ hooks: [cmd()] }] },
      mcpServers: { db: { command: 'node' } },
    }),
    valid: true,
    codes: [],
  },
  {
    name: 'inline-server-without-command',
    files: plugin({ mcpServers: { db: { args: ['x'] } } }),
    valid: false,
    codes: ['MCP_SERVER_INVALID'],
  },

  // --- hooks
  {
    name: 'hooks-unknown-event',
    files: { ...plugin(), ...hooks({ BeforeToolUse: [{ hooks: [cmd()] }] }) },
    valid: true,
    codes: ['HOOK_EVENT_UNKNOWN'],
  },
  {
    name: 'hooks-guard-without-command',
    files: {
      ...plugin(),
      ...hooks({ PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command' }] }] }),
    },
    valid: false,
    codes: ['HOOK_INVALID'],
  },
  {
    name: 'hooks-guard-unknown-type',
    files: {
      ...plugin(),
      ...hooks({ PermissionRequest: [{ hooks: [{ type: 'script', command: 'x' }] }] }),
    },
    valid: false,
    codes: ['HOOK_INVALID'],
  },
  {
    name: 'hooks-guard-not-a-list',
    files: { ...plugin(), ...hooks({ PreToolUse: { matcher: 'Bash' } }) },
    valid: false,
    codes: ['HOOK_INVALID'],
  },
  {
    name: 'hooks-other-event-bad-entry',
    files: { ...plugin(), ...hooks({ Stop: [{ hooks: [{ type: 'script' }] }] }) },
    valid: true,
    codes: ['HOOK_INVALID'],
  },
  {
    name: 'hooks-outside-hooks-object',
    files: {
      ...plugin(),
      'hooks/hooks.json': { PreToolUse: [{ matcher: 'Bash', hooks: [cmd()] }] },
    },
    valid: false,
    codes: ['HOOK_INVALID', 'HOOKS_SHAPE'],
  },
  {
    name: 'hooks-empty-object',
    files: { ...plugin(), 'hooks/hooks.json': {} },
    valid: false,
    codes: ['HOOKS_SHAPE'],
  },
  {
    name: 'hooks-as-list',
    files: { ...plugin(), 'hooks/hooks.json': { hooks: [] } },
    valid: false,
    codes: ['HOOKS_SHAPE'],
  },
  {
    name: 'hooks-json-syntax',
    files: { ...plugin(), 'hooks/hooks.json': '{"hooks": ' },
    valid: false,
    codes: ['JSON_SYNTAX'],
  },
  {
    name: 'hooks-bad-timeout-elsewhere',
    files: { ...plugin(), ...hooks({ SessionStart: [{ hooks: [cmd({ timeout: '5' })] }] }) },
    valid: true,
    codes: ['HOOK_INVALID'],
  },

  // --- MCP servers
  {
    name: 'mcp-bare-server-map',
    files: { ...plugin(), '.mcp.json': { db: { command: 'node' } } },
    valid: true,
    codes: [],
  },
  {
    name: 'mcp-remote-without-url',
    files: { ...plugin(), '.mcp.json': { mcpServers: { api: { type: 'http' } } } },
    valid: false,
    codes: ['MCP_SERVER_INVALID'],
  },
  {
    name: 'mcp-bad-url',
    files: { ...plugin(), '.mcp.json': { mcpServers: { api: { type: 'sse', url: 'not a url' } } } },
    valid: false,
    codes: ['MCP_SERVER_INVALID'],
  },
  {
    name: 'mcp-unknown-type',
    files: {
      ...plugin(),
      '.mcp.json': { mcpServers: { api: { type: 'grpc', url: 'https://x.example' } } },
    },
    valid: false,
    codes: ['MCP_SERVER_INVALID'],
  },
  {
    name: 'mcp-env-not-strings',
    files: {
      ...plugin(),
      '.mcp.json': { mcpServers: { db: { command: 'node', env: { PORT: 5432 } } } },
    },
    valid: false,
    codes: ['MCP_SERVER_INVALID'],
  },
  {
    name: 'mcp-json-syntax',
    files: { ...plugin(), '.mcp.json': '{"mcpServers": {' },
    valid: false,
    codes: ['JSON_SYNTAX'],
  },

  // --- skills, agents, commands inside the plugin
  {
    name: 'skill-folder-without-skill-md',
    files: { ...plugin(), 'skills/empty/README.md': 'Nothing.\n' },
    valid: true,
    codes: ['SKILL_FILE_MISSING'],
  },
  {
    name: 'skill-yaml-error',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill('name: greet\ndescription: "unterminated'),
    },
    valid: false,
    codes: ['YAML_SYNTAX'],
  },
  {
    name: 'skill-description-list',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill('name: greet\ndescription:\n  - a\n  - b'),
    },
    valid: false,
    codes: ['DESCRIPTION_TYPE'],
  },
  {
    name: 'skill-allowed-tools-numbers',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        'name: greet\ndescription: Greets. Use when asked.\nallowed-tools: [1, 2]',
      ),
    },
    valid: false,
    codes: ['ALLOWED_TOOLS_TYPE'],
  },
  {
    name: 'skill-bad-shell',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        'name: greet\ndescription: Greets. Use when asked.\nshell: fish',
      ),
    },
    valid: false,
    codes: ['FIELD_VALUE'],
  },
  {
    name: 'skill-frontmatter-not-mapping',
    files: { ...plugin(), 'skills/greet/SKILL.md': skill('- greet') },
    valid: false,
    codes: ['FRONTMATTER_NOT_MAPPING'],
  },
  {
    name: 'skill-name-format',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill('name: Greet_Them\ndescription: Greets. Use when asked.'),
    },
    valid: false,
    lenientValid: true,
    codes: ['NAME_FORMAT'],
  },
  {
    name: 'skill-name-mismatch',
    files: {
      ...plugin(),
      'skills/other/SKILL.md': skill('name: not-other\ndescription: Mismatched. Use when testing.'),
    },
    valid: false,
    lenientValid: true,
    codes: ['NAME_MISMATCH'],
  },
  {
    name: 'skill-description-missing',
    files: { ...plugin(), 'skills/greet/SKILL.md': skill('name: greet') },
    valid: false,
    lenientValid: true,
    codes: ['DESCRIPTION_MISSING'],
  },
  {
    name: 'skill-description-too-long',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        `name: greet\ndescription: Use when asked. ${'x'.repeat(1100)}`,
      ),
    },
    valid: false,
    lenientValid: true,
    codes: ['DESCRIPTION_LENGTH'],
  },
  {
    name: 'skill-claude-code-field-values',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        'name: greet\ndescription: Greets. Use when asked.\nversion: 1\neffort: huge',
      ),
    },
    valid: false,
    lenientValid: true,
    codes: ['UNKNOWN_KEY', 'FIELD_VALUE'],
  },
  {
    name: 'skill-without-frontmatter',
    files: { ...plugin(), 'skills/greet/SKILL.md': '# Greet\n\nSay hello.\n' },
    valid: false,
    lenientValid: true,
    codes: ['FRONTMATTER_MISSING'],
  },
  {
    name: 'skill-duplicate-key',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        'name: greet\nname: greet\ndescription: Greets. Use when asked.',
      ),
    },
    valid: false,
    codes: ['DUPLICATE_KEY'],
    cliDiffers: 'Claude Code keeps the last value of a duplicated key; YAML forbids duplicates.',
  },
  {
    name: 'skill-unquoted-colon',
    files: {
      ...plugin(),
      'skills/greet/SKILL.md': skill(
        'name: greet\ndescription: Greets people. Use when: they say hi',
      ),
    },
    valid: false,
    codes: ['YAML_SYNTAX'],
    cliDiffers:
      'Claude Code re-quotes values after a YAML error; other Agent Skills readers do not.',
  },
  {
    name: 'agent-yaml-error',
    files: { ...plugin(), 'agents/a.md': '---\nname: a\ndescription: "x\n---\nPrompt.\n' },
    valid: false,
    codes: ['YAML_SYNTAX'],
  },
  {
    name: 'agent-description-list',
    files: { ...plugin(), 'agents/a.md': '---\nname: a\ndescription: [1, 2]\n---\nPrompt.\n' },
    valid: false,
    codes: ['DESCRIPTION_TYPE'],
  },
  {
    name: 'agent-loose-fields',
    files: {
      ...plugin(),
      'agents/a.md': '---\nname: a\ndescription: A. Use for a.\ntools: 5\nfoo: bar\n---\nPrompt.\n',
    },
    valid: false,
    lenientValid: true,
    codes: ['FIELD_TYPE', 'UNKNOWN_KEY'],
  },
  {
    name: 'agent-description-missing',
    files: { ...plugin(), 'agents/a.md': '---\nname: a\n---\nPrompt.\n' },
    valid: false,
    lenientValid: true,
    codes: ['DESCRIPTION_MISSING'],
  },
  {
    name: 'agent-without-frontmatter',
    files: { ...plugin(), 'agents/a.md': 'You review code.\n' },
    valid: false,
    lenientValid: true,
    codes: ['FRONTMATTER_MISSING'],
  },
  {
    name: 'command-description-list',
    files: { ...plugin(), 'commands/c.md': '---\ndescription: [1, 2]\n---\nDo it.\n' },
    valid: false,
    codes: ['DESCRIPTION_TYPE'],
  },
  {
    name: 'command-without-frontmatter',
    files: { ...plugin(), 'commands/c.md': 'Do it.\n' },
    valid: true,
    codes: ['FRONTMATTER_MISSING'],
  },

  // --- marketplaces
  {
    name: 'marketplace',
    files: {
      ...market({
        plugins: [
          { name: 'demo', source: './plugins/demo', description: 'Demo.' },
          { name: 'remote', source: { source: 'github', repo: 'acme/remote' } },
        ],
      }),
      'plugins/demo/.claude-plugin/plugin.json': { name: 'demo', ...meta },
    },
    valid: true,
    codes: [],
  },
  { name: 'marketplace-empty', files: market({}), valid: true, codes: ['PLUGINS_EMPTY'] },
  {
    name: 'marketplace-without-owner',
    files: { '.claude-plugin/marketplace.json': { name: 'demo-market', plugins: [] } },
    valid: false,
    codes: ['REQUIRED'],
  },
  {
    name: 'marketplace-name-with-space',
    files: market({ name: 'demo market' }),
    valid: false,
    codes: ['NAME_INVALID'],
  },
  {
    name: 'marketplace-reserved-name',
    files: market({ name: 'inline' }),
    valid: false,
    codes: ['NAME_RESERVED'],
  },
  {
    name: 'marketplace-plugins-not-list',
    files: market({ plugins: {} }),
    valid: false,
    codes: ['TYPE'],
  },
  {
    name: 'marketplace-duplicate-plugin',
    files: market({
      plugins: [
        { name: 'a', source: { source: 'github', repo: 'acme/a' } },
        { name: 'a', source: { source: 'github', repo: 'acme/b' } },
      ],
    }),
    valid: false,
    codes: ['DUPLICATE_PLUGIN'],
  },
  {
    name: 'marketplace-unknown-source',
    files: market({ plugins: [{ name: 'a', source: { source: 'ftp', url: 'ftp://x' } }] }),
    valid: false,
    codes: ['SOURCE_INVALID'],
  },
  {
    name: 'marketplace-source-without-dot-slash',
    files: market({ plugins: [{ name: 'a', source: 'plugins/a' }] }),
    valid: false,
    codes: ['PATH_NOT_RELATIVE'],
  },
  {
    name: 'marketplace-source-traversal',
    files: market({ plugins: [{ name: 'a', source: '../a' }] }),
    valid: false,
    codes: ['PATH_TRAVERSAL'],
  },
  {
    name: 'marketplace-broken-local-plugin',
    files: {
      ...market({ plugins: [{ name: 'a', source: './plugins/a' }] }),
      'plugins/a/.claude-plugin/plugin.json': { name: 'a b' },
    },
    valid: false,
    codes: ['NAME_INVALID'],
  },
];

/** Write a case's files under `root`. */
export async function writeCase(root: string, c: PluginCase): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const [path, content] of Object.entries(c.files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(
      full,
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
}
