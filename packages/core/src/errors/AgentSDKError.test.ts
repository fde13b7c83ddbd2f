import { describe, expect, it } from 'vitest';
import { AgentSDKError, isAgentSDKError } from './AgentSDKError.js';
import { CLINotFoundError } from './CLINotFoundError.js';
import { ProcessError } from './ProcessError.js';

describe('AgentSDKError.is', () => {
  const notFound = new CLINotFoundError('not found', ['/a']);
  const died = new ProcessError('died', { exitCode: 1, signal: null, stderr: 'boom' });

  it('recognises any agentsdk error on the base class, by marker (works across installs)', () => {
    expect(AgentSDKError.is(notFound)).toBe(true);
    expect(AgentSDKError.is(died)).toBe(true);
    expect(AgentSDKError.is(new Error('plain'))).toBe(false);
    expect(AgentSDKError.is({ code: 'CLI_NOT_FOUND' })).toBe(false);
    // A copy from another install: same marker and name, different class identity.
    const foreign = Object.assign(new Error('x'), {
      name: 'ProcessError',
      [Symbol.for('agentsdk.error')]: true,
    });
    expect(ProcessError.is(foreign)).toBe(true);
  });

  it('matches only its own class on a subclass', () => {
    expect(ProcessError.is(died)).toBe(true);
    expect(ProcessError.is(notFound)).toBe(false);
    expect(CLINotFoundError.is(notFound)).toBe(true);
  });

  it('narrows by code', () => {
    expect(isAgentSDKError(died, 'PROCESS_ERROR')).toBe(true);
    expect(isAgentSDKError(died, 'CLI_NOT_FOUND')).toBe(false);
    expect(died.message).toContain('boom');
  });
});
