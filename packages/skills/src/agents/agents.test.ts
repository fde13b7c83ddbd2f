import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SkillsError } from '../errors/SkillsError.js';
import { loadAgentsDirectory, writeAgentFile } from './agentFiles.js';
import { defineAgent, defineAgents } from './defineAgent.js';
import { parseAgentFile } from './parseAgentFile.js';
import { renderAgentFile } from './renderAgentFile.js';

const reviewer = {
  description: 'Expert code reviewer: use for quality, security and maintainability reviews.',
  prompt: 'You are a code review specialist.\n\nBe thorough but concise.',
  tools: ['Read', 'Grep', 'Bash(git diff:*)'],
  model: 'sonnet',
};

describe('agent files', () => {
  it("parse a Claude Code agent file into core's AgentDefinition", () => {
    const file = parseAgentFile(
      '---\nname: code-reviewer\ndescription: Reviews code. Use after edits.\ntools: Read, Grep, Bash(git add:*, git diff:*)\ndisallowedTools: [Write]\nmodel: opus\npermissionMode: plan\nmaxTurns: 5\ncolor: blue\n---\n\nYou review code.\n',
      { file: 'agents/reviewer.md' },
    );
    expect(file.diagnostics).toEqual([]);
    expect(file.name).toBe('code-reviewer');
    expect(file.definition).toEqual({
      description: 'Reviews code. Use after edits.',
      prompt: 'You review code.',
      tools: ['Read', 'Grep', 'Bash(git add:*, git diff:*)'],
      disallowedTools: ['Write'],
      model: 'opus',
    });
    expect(file.frontmatter).toMatchObject({ permissionMode: 'plan', maxTurns: 5, color: 'blue' });
  });

  it('name an agent without `name` after its file, with a warning', () => {
    const file = parseAgentFile('---\ndescription: D\n---\nP\n', { file: '/x/agents/helper.md' });
    expect(file.name).toBe('helper');
    expect(file.diagnostics).toMatchObject([
      { code: 'NAME_MISSING', severity: 'warning', line: 1 },
    ]);
  });

  it.each([
    ['---\nname: a\n---\nP', 'DESCRIPTION_MISSING', 'error'],
    ['---\nname: a\ndescription: [x]\n---\nP', 'DESCRIPTION_TYPE', 'error'],
    ['---\nname: 5\ndescription: d\n---\nP', 'NAME_TYPE', 'error'],
    ['---\nname: Big Name\ndescription: d\n---\nP', 'NAME_FORMAT', 'warning'],
    ['---\nname: a\ndescription: d\ntools: 5\n---\nP', 'FIELD_TYPE', 'error'],
    ['---\nname: a\ndescription: d\npermissionMode: yolo\n---\nP', 'FIELD_VALUE', 'error'],
    ['---\nname: a\ndescription: d\nmaxTurns: 0\n---\nP', 'FIELD_VALUE', 'error'],
    ['---\nname: a\ndescription: d\nfoo: 1\n---\nP', 'UNKNOWN_KEY', 'warning'],
    ['just a prompt', 'FRONTMATTER_MISSING', 'error'],
    ['---\nname: a\nname: b\ndescription: d\n---\nP', 'DUPLICATE_KEY', 'error'],
  ])('report %j as %s', (source, code, severity) => {
    expect(parseAgentFile(source).diagnostics).toContainEqual(
      expect.objectContaining({ code, severity }),
    );
  });

  it('render a file that parses back to the same definition', () => {
    const text = renderAgentFile('code-reviewer', reviewer, { color: 'green' });
    expect(text).toBe(
      '---\nname: code-reviewer\ndescription: "Expert code reviewer: use for quality, security and maintainability reviews."\ntools: Read, Grep, Bash(git diff:*)\nmodel: sonnet\ncolor: green\n---\n\nYou are a code review specialist.\n\nBe thorough but concise.\n',
    );
    const parsed = parseAgentFile(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.definition).toEqual(reviewer);
  });

  it('write and load a folder of agents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skills-agents-'));
    try {
      await writeAgentFile(dir, 'reviewer', reviewer);
      await writeFile(join(dir, 'broken.md'), '---\nname: broken\n---\nNo description.\n');
      await writeFile(join(dir, 'notes.txt'), 'ignored');
      const { agents, files } = await loadAgentsDirectory(dir);
      expect(agents).toEqual({ reviewer });
      expect(files.map((f) => f.name)).toEqual(['broken', 'reviewer']);
      expect(await loadAgentsDirectory(join(dir, 'missing'))).toEqual({ agents: {}, files: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('defineAgent', () => {
  it('returns a valid definition as is', () => {
    expect(defineAgent(reviewer)).toBe(reviewer);
    const agents = defineAgents({
      'code-reviewer': reviewer,
      tester: { description: 'Runs tests.', prompt: 'Run the tests.' },
    });
    expect(Object.keys(agents)).toEqual(['code-reviewer', 'tester']);
  });

  it.each([
    [{ description: '', prompt: 'p' }],
    [{ description: 'd', prompt: ' ' }],
    [{ description: 'd', prompt: 'p', tools: ['Read', ''] }],
  ])('refuses %j', (definition) => {
    expect(() => defineAgent(definition)).toThrow(SkillsError);
  });

  it('names the agent at fault', () => {
    expect(() => defineAgents({ ok: reviewer, bad: { description: '', prompt: 'p' } })).toThrow(
      /Agent "bad"/,
    );
    expect(() => defineAgents({ 'bad name': reviewer })).toThrow(/letters, digits/);
  });
});
