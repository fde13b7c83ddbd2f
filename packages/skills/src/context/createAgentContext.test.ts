import { describe, expect, it } from 'vitest';
import { parseSkill } from '../skill/parseSkill.js';
import { contextSkillFromDocument, createAgentContext } from './createAgentContext.js';
import { matchesTrigger } from './matchesTrigger.js';

// The reference guide's AgentContext example.
const context = createAgentContext({
  skills: [
    {
      name: 'Python Expert',
      content: 'You are an expert Python developer...',
      trigger: ['python', 'py', '.py'],
    },
    {
      name: 'Database Expert',
      content: 'You are a database specialist...',
      trigger: ['sql', 'database', 'query', 'postgres', 'mysql'],
    },
    { name: 'General Guidelines', content: 'Always be helpful and thorough.' },
  ],
  systemMessageSuffix: 'Always explain your reasoning.',
  userMessagePrefix: '[team: data] ',
});

describe('createAgentContext', () => {
  it('activates skills by trigger words and keeps always-active ones', () => {
    expect(
      context.activeSkills('Help me optimize this Python database query').map((s) => s.name),
    ).toEqual(['Python Expert', 'Database Expert', 'General Guidelines']);
    expect(context.activeSkills('Write a haiku').map((s) => s.name)).toEqual([
      'General Guidelines',
    ]);
  });

  it('builds the system prompt', () => {
    expect(context.buildSystemPrompt('fix main.py')).toBe(
      '## Python Expert\nYou are an expert Python developer...\n\n## General Guidelines\nAlways be helpful and thorough.\n\nAlways explain your reasoning.',
    );
  });

  it('builds options from a base, keeping its fields', () => {
    const options = context.buildOptions('SQL please', { allowedTools: ['Read'], maxTurns: 10 });
    expect(options).toEqual({
      allowedTools: ['Read'],
      maxTurns: 10,
      systemPrompt:
        '## Database Expert\nYou are a database specialist...\n\n## General Guidelines\nAlways be helpful and thorough.\n\nAlways explain your reasoning.',
    });
  });

  it('appends to a string prompt, to an array prompt as a last part, to a custom prompt and to the Claude Code preset', () => {
    const small = createAgentContext({ skills: [{ name: 'A', content: 'a' }] });
    expect(small.buildOptions('x', { systemPrompt: ['Shared.', 'Mine.'] }).systemPrompt).toEqual([
      'Shared.',
      'Mine.',
      '## A\na',
    ]);
    expect(small.buildOptions('x', { systemPrompt: 'Base.' }).systemPrompt).toBe(
      'Base.\n\n## A\na',
    );
    expect(
      small.buildOptions('x', {
        systemPrompt: { type: 'preset', preset: 'claude_code', append: 'Mine.' },
      }).systemPrompt,
    ).toEqual({
      type: 'preset',
      preset: 'claude_code',
      append: 'Mine.\n\n## A\na',
    });
    expect(
      small.buildOptions('x', {
        systemPrompt: { type: 'custom', prompt: 'Bot.', snapshot: false },
      }).systemPrompt,
    ).toEqual({ type: 'custom', prompt: 'Bot.\n\n## A\na', snapshot: false });
  });

  it('prefixes the user message', () => {
    expect(context.buildPrompt('hi')).toBe('[team: data] hi');
  });

  it('turns a SKILL.md into a context skill', () => {
    const doc = parseSkill(
      '---\nname: pdf\ndescription: PDFs. Use when a PDF is attached.\n---\n\nUse pdftotext.\n',
    );
    expect(contextSkillFromDocument(doc, { trigger: ['pdf'] })).toEqual({
      name: 'pdf',
      content: 'Use pdftotext.',
      source: 'SKILL.md',
      trigger: ['pdf'],
    });
    expect(() => contextSkillFromDocument(parseSkill('---\n---\nx'))).toThrow(/fallbackName/);
  });

  it('refuses a skill without a name', () => {
    expect(() => createAgentContext({ skills: [{ name: ' ', content: 'x' }] })).toThrow(/name/);
  });
});

describe('matchesTrigger', () => {
  it.each([
    ['I love Python', 'python', true],
    ['happy', 'py', false],
    ['edit main.py now', '.py', true],
    ['C++ question', 'c++', true],
    ['POSTGRES', ['mysql', 'postgres'], true],
    ['anything', undefined, true],
    ['SELECT 1', /\bselect\b/i, true],
    ['sql', [], false],
  ] as const)('%j with %j → %s', (message, trigger, expected) => {
    expect(matchesTrigger(message, trigger as Parameters<typeof matchesTrigger>[1])).toBe(expected);
  });

  it('resets a global RegExp between calls', () => {
    const g = /sql/g;
    expect(matchesTrigger('sql', g)).toBe(true);
    expect(matchesTrigger('sql', g)).toBe(true);
  });
});
