import { describe, expect, it } from 'vitest';
import { SYSTEM_PROMPT_DYNAMIC_BOUNDARY } from '../constants.js';
import { initializeRequest } from './initializeRequest.js';

describe('initializeRequest', () => {
  it('sends an empty custom prompt by default, a string as one section, the preset as append', () => {
    expect(initializeRequest({})).toEqual({ systemPrompt: [''] });
    expect(initializeRequest({ systemPrompt: 'Be brief.' })).toEqual({
      systemPrompt: ['Be brief.'],
    });
    expect(
      initializeRequest({
        systemPrompt: { type: 'preset', preset: 'claude_code', append: 'Extra.' },
      }),
    ).toEqual({
      appendSystemPrompt: 'Extra.',
    });
  });

  it('sends an array prompt as its parts, the boundary marker an element of its own', () => {
    const parts = ['Shared rules.', SYSTEM_PROMPT_DYNAMIC_BOUNDARY, 'This user: Ada.'];
    const fields = initializeRequest({ systemPrompt: parts });
    expect(fields).toEqual({ systemPrompt: parts });
    expect(fields.systemPrompt).not.toBe(parts); // a copy: later edits of the caller's array stay out
  });

  it('sends a custom prompt as parts and the preset extras and snapshot as their own fields', () => {
    expect(
      initializeRequest({
        systemPrompt: { type: 'custom', prompt: 'Release bot.', snapshot: false },
      }),
    ).toEqual({ systemPrompt: ['Release bot.'], systemPromptSnapshot: false });
    expect(initializeRequest({ systemPrompt: { type: 'custom', prompt: ['A.', 'B.'] } })).toEqual({
      systemPrompt: ['A.', 'B.'],
    });
    expect(
      initializeRequest({
        systemPrompt: {
          type: 'preset',
          preset: 'claude_code',
          excludeDynamicSections: true,
          snapshot: true,
        },
      }),
    ).toEqual({ excludeDynamicSections: true, systemPromptSnapshot: true });
  });

  it('sends the output schema without its $schema dialect (the CLI drops draft 2020-12 schemas)', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {},
    };
    expect(initializeRequest({ outputFormat: { type: 'json_schema', schema } }).jsonSchema).toEqual(
      {
        type: 'object',
        properties: {},
      },
    );
  });

  it('carries agents, hook ids and in-process server names', () => {
    const fields = initializeRequest(
      { agents: { r: { description: 'd', prompt: 'p' } } },
      { hooks: { PreToolUse: [{ hookCallbackIds: ['hook_0'] }] }, sdkMcpServers: ['calc'] },
    );
    expect(fields).toMatchObject({
      agents: { r: { description: 'd', prompt: 'p' } },
      hooks: { PreToolUse: [{ hookCallbackIds: ['hook_0'] }] },
      sdkMcpServers: ['calc'],
    });
  });
});
