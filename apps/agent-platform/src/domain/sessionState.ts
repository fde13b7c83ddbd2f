import { PlatformError } from './PlatformError.js';

export type SessionState = 'creating' | 'active' | 'running' | 'paused' | 'completed' | 'error';

export const SESSION_STATES: readonly SessionState[] = [
  'creating',
  'active',
  'running',
  'paused',
  'completed',
  'error',
];

/** Every allowed transition; anything else is a bug or a client asking for the impossible. */
const TRANSITIONS: Record<SessionState, readonly SessionState[]> = {
  creating: ['active', 'paused', 'error'],
  active: ['running', 'paused', 'completed', 'error'],
  running: ['active', 'paused', 'completed', 'error'],
  paused: ['active', 'completed', 'error'],
  completed: [],
  error: [],
};

/** Open sessions count against the concurrent-sessions limit. */
export const OPEN_STATES: readonly SessionState[] = ['creating', 'active', 'running', 'paused'];

export function canTransition(from: SessionState, to: SessionState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: SessionState, to: SessionState): void {
  if (!canTransition(from, to)) {
    throw new PlatformError(
      'invalid_transition',
      `A session cannot go from '${from}' to '${to}'. Allowed from '${from}': ${TRANSITIONS[from].join(', ') || 'nothing (final state)'}.`,
      { details: { from, to } },
    );
  }
}

export function isTerminal(state: SessionState): boolean {
  return TRANSITIONS[state].length === 0;
}
