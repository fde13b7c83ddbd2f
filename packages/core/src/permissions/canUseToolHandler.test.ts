import { describe, expect, it } from 'vitest';
import { canUseToolHandler } from './canUseToolHandler.js';
import type { CanUseToolRequest } from '../messages/control.js';
import type { CanUseTool } from './types.js';

const request: CanUseToolRequest = {
  subtype: 'can_use_tool',
  tool_name: 'Bash',
  input: { command: 'touch x' },
  tool_use_id: 'toolu_1',
  blocked_path: '/w/x',
  permission_suggestions: [{ type: 'setMode', mode: 'acceptEdits', destination: 'session' }],
};
const ctx = () => ({ signal: new AbortController().signal, requestId: 'r1' });

describe('canUseToolHandler', () => {
  it('passes the tool, input and context to the callback', async () => {
    let seen: unknown;
    const cb: CanUseTool = (tool, input, context) => {
      seen = {
        tool,
        input,
        suggestions: context.suggestions,
        toolUseId: context.toolUseId,
        blockedPath: context.blockedPath,
      };
      return { behavior: 'allow' };
    };
    await canUseToolHandler(cb, () => {})(request, ctx());
    expect(seen).toEqual({
      tool: 'Bash',
      input: { command: 'touch x' },
      suggestions: request.permission_suggestions,
      toolUseId: 'toolu_1',
      blockedPath: '/w/x',
    });
  });

  it('always sends updatedInput on allow (the original when unchanged)', async () => {
    const reply = await canUseToolHandler(
      () => ({ behavior: 'allow' }),
      () => {},
    )(request, ctx());
    expect(reply).toEqual({
      behavior: 'allow',
      updatedInput: { command: 'touch x' },
      toolUseID: 'toolu_1',
    });
    const rewritten = await canUseToolHandler(
      () => ({ behavior: 'allow', updatedInput: { command: 'touch y' }, updatedPermissions: [] }),
      () => {},
    )(request, ctx());
    expect(rewritten).toEqual({
      behavior: 'allow',
      updatedInput: { command: 'touch y' },
      updatedPermissions: [],
      toolUseID: 'toolu_1',
    });
  });

  it('maps deny with message and interrupt', async () => {
    const reply = await canUseToolHandler(
      () => ({ behavior: 'deny', message: 'no', interrupt: true }),
      () => {},
    )(request, ctx());
    expect(reply).toEqual({
      behavior: 'deny',
      message: 'no',
      interrupt: true,
      toolUseID: 'toolu_1',
    });
  });

  it('passes decisionClassification on, and leaves an unknown one out', async () => {
    const allow = await canUseToolHandler(
      () => ({ behavior: 'allow', decisionClassification: 'user_permanent' }),
      () => {},
    )(request, ctx());
    expect(allow).toMatchObject({ behavior: 'allow', decisionClassification: 'user_permanent' });
    const deny = await canUseToolHandler(
      () => ({ behavior: 'deny', decisionClassification: 'user_reject' }),
      () => {},
    )(request, ctx());
    expect(deny).toMatchObject({ behavior: 'deny', decisionClassification: 'user_reject' });
    const odd = await canUseToolHandler(
      () => ({ behavior: 'allow', decisionClassification: 'sometimes' as never }),
      () => {},
    )(request, ctx());
    expect(odd).not.toHaveProperty('decisionClassification');
  });

  it('fails closed on a throw or an invalid result, and reports it', async () => {
    const reported: unknown[] = [];
    const thrown = await canUseToolHandler(
      () => {
        throw new Error('db down');
      },
      (e) => reported.push(e),
    )(request, ctx());
    expect(thrown).toMatchObject({ behavior: 'deny', message: 'Permission check failed: db down' });
    const invalid = await canUseToolHandler((() => undefined) as unknown as CanUseTool, (e) =>
      reported.push(e),
    )(request, ctx());
    expect(invalid).toMatchObject({ behavior: 'deny' });
    expect(String((invalid as { message: string }).message)).toContain('expected { behavior');
    expect(reported).toHaveLength(2);
  });
});
