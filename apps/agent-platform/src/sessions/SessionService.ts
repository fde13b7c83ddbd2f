import type { SessionManager } from './SessionManager.js';

/**
 * What the HTTP and WebSocket layers ask of sessions: the `SessionManager` itself on one node,
 * `ClusterSessions` (the same calls, carried to the owning node) in cluster mode.
 */
export type SessionService = Pick<
  SessionManager,
  | 'isDraining'
  | 'liveProcesses'
  | 'create'
  | 'get'
  | 'list'
  | 'end'
  | 'pause'
  | 'resume'
  | 'chat'
  | 'usage'
  | 'subscribe'
  | 'events'
>;
