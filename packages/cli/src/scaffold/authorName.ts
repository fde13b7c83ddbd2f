import { userInfo } from 'node:os';
import { runProcess } from './runProcess.js';

/** The author for a plugin manifest: npm's `init-author-name`, else git's `user.name`, else the login. */
export async function authorName(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const fromNpm = env['npm_config_init_author_name']?.trim();
  if (fromNpm) return fromNpm;
  const git = await runProcess('git', ['config', 'user.name'], { cwd });
  const fromGit = git.code === 0 ? git.output.trim() : '';
  if (fromGit) return fromGit;
  try {
    return userInfo().username || 'Your Name';
  } catch {
    return 'Your Name';
  }
}
