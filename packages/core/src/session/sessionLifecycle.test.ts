import { describe, expect, it } from 'vitest';
import { canTransition, SessionLifecycle } from './sessionLifecycle.js';

describe('SessionLifecycle', () => {
  it('follows the happy path and the close path', () => {
    const life = new SessionLifecycle();
    for (const phase of ['starting', 'ready', 'draining', 'ended'] as const) life.to(phase);
    expect(life.phase).toBe('ended');
    expect(life.isClosed).toBe(true);
    const closed = new SessionLifecycle();
    closed.to('closing');
    expect(closed.isClosed).toBe(true);
    closed.to('ended');
  });

  it('refuses impossible moves: to() throws, tryTo() reports', () => {
    const life = new SessionLifecycle();
    expect(() => life.to('ready')).toThrow(/from 'new' to 'ready'/);
    life.to('starting');
    life.to('ended');
    expect(life.tryTo('closing')).toBe(false);
    expect(canTransition('ended', 'starting')).toBe(false);
    expect(canTransition('closing', 'ready')).toBe(false);
  });
});
