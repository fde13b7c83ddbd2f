import { describe, expect, it } from 'vitest';
import { classifyRequest, systemText } from './classify.js';

const tools = [{ name: 'Bash', input_schema: { type: 'object' } }];
const billing = {
  type: 'text',
  text: 'x-anthropic-billing-header: cc_version=2.1.331.abc; cc_entrypoint=sdk-ts;',
};

describe('classifyRequest', () => {
  it('recognises the startup probe and token counting', () => {
    expect(classifyRequest('HEAD', '/api/hello', undefined)).toEqual({ kind: 'probe' });
    expect(classifyRequest('GET', '/api/hello', undefined)).toEqual({ kind: 'probe' });
    expect(classifyRequest('POST', '/v1/messages/count_tokens', { messages: [] })).toEqual({
      kind: 'count_tokens',
    });
  });

  it('treats requests with tools as main model turns', () => {
    expect(classifyRequest('POST', '/v1/messages', { tools, system: [billing] })).toEqual({
      kind: 'main',
    });
    expect(classifyRequest('POST', '/v1/messages/', { tools })).toEqual({ kind: 'main' });
  });

  it('tells subagent requests apart by cc_is_subagent=true in the system prompt', () => {
    const system = [
      {
        type: 'text',
        text: 'x-anthropic-billing-header: cc_version=2.1.331.abc; cc_entrypoint=sdk-ts; cc_is_subagent=true;',
      },
    ];
    expect(classifyRequest('POST', '/v1/messages', { tools, system })).toEqual({
      kind: 'subagent',
    });
  });

  it('treats requests without tools as side requests', () => {
    expect(classifyRequest('POST', '/v1/messages', { tools: [], stream: true })).toEqual({
      kind: 'side',
      side: 'other',
    });
    expect(classifyRequest('POST', '/v1/messages', { messages: [] })).toEqual({
      kind: 'side',
      side: 'other',
    });
  });

  it('recognises the session-title request by its output format or its system prompt', () => {
    const output_config = {
      effort: 'medium',
      format: {
        type: 'json_schema',
        schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
      },
    };
    expect(classifyRequest('POST', '/v1/messages', { tools: [], output_config })).toEqual({
      kind: 'side',
      side: 'title',
    });
    const system = [
      billing,
      { type: 'text', text: 'You are naming a coding session so the user…' },
    ];
    expect(classifyRequest('POST', '/v1/messages', { tools: [], system })).toEqual({
      kind: 'side',
      side: 'title',
    });
  });

  it('recognises the model-switch probe (max_tokens 1, not streaming)', () => {
    const body = {
      max_tokens: 1,
      system: "You are Claude Code, Anthropic's official CLI for Claude.",
      messages: [{ role: 'user', content: 'Hi' }],
    };
    expect(classifyRequest('POST', '/v1/messages', body)).toEqual({
      kind: 'side',
      side: 'model_probe',
    });
    expect(classifyRequest('POST', '/v1/messages', { ...body, stream: true })).toEqual({
      kind: 'side',
      side: 'other',
    });
  });

  it('flags missing bodies and unknown routes', () => {
    expect(classifyRequest('POST', '/v1/messages', undefined)).toEqual({ kind: 'invalid' });
    expect(classifyRequest('POST', '/v1/messages/count_tokens', undefined)).toEqual({
      kind: 'invalid',
    });
    expect(classifyRequest('GET', '/v1/messages', undefined)).toEqual({ kind: 'unknown' });
    expect(classifyRequest('POST', '/v1/complete', {})).toEqual({ kind: 'unknown' });
    expect(classifyRequest('POST', '/api/hello', {})).toEqual({ kind: 'unknown' });
  });
});

describe('systemText', () => {
  it('reads string and block-array system prompts', () => {
    expect(systemText('plain')).toBe('plain');
    expect(
      systemText([{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }]),
    ).toBe('a\nb');
    expect(systemText(undefined)).toBe('');
  });
});
