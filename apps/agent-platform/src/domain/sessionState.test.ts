import { describe, expect, it } from 'vitest';
import { PlatformError } from './PlatformError.js';
import { assertTransition, canTransition, isTerminal, SESSION_STATES } from './sessionState.js';

describe('session state machine', () => {
  it('allows the lifecycle create → active → running → active → paused → active → completed', () => {
    const path = [
      'creating',
      'active',
      'running',
      'active',
      'paused',
      'active',
      'completed',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('refuses impossible transitions with invalid_transition (409)', () => {
    expect(canTransition('paused', 'running')).toBe(false);
    expect(canTransition('creating', 'running')).toBe(false);
    try {
      assertTransition('completed', 'active');
      expect.unreachable();
    } catch (error) {
      expect(PlatformError.is(error) && error.code).toBe('invalid_transition');
      expect(PlatformError.is(error) && error.status).toBe(409);
    }
  });

  it('completed and error are final', () => {
    for (const to of SESSION_STATES) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('error', to)).toBe(false);
    }
    expect(isTerminal('completed')).toBe(true);
    expect(isTerminal('paused')).toBe(false);
  });

  it('every non-final state can fail', () => {
    for (const from of ['creating', 'active', 'running', 'paused'] as const)
      expect(canTransition(from, 'error')).toBe(true);
  });
});
