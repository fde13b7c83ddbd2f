import type { SessionKey } from './SessionStore.js';

/** `projectKey/sessionId` or `projectKey/sessionId/subpath`: one string per transcript. */
export function keyString(key: SessionKey): string {
  const base = `${key.projectKey}/${key.sessionId}`;
  return key.subpath === undefined ? base : `${base}/${key.subpath}`;
}

/** A subpath that stays inside its session's folder: no `..`, no absolute path, no empty part. */
export function isSafeSubpath(subpath: string): boolean {
  if (subpath === '' || subpath.startsWith('/') || subpath.includes('\\')) return false;
  return subpath.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
