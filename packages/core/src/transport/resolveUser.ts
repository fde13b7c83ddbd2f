import { execFileSync } from 'node:child_process';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';

/** A user name or numeric id → uid/gid for spawning the CLI as that user. */
export function resolveUser(user: string): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    // fall through
  }
  throw new InvalidOptionsError(
    `The \`user\` option names "${user}", which is not a user on this machine.`,
  );
}
