/** The package managers the generated next steps and install can use. */
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export function isPackageManager(value: string): value is PackageManager {
  return (PACKAGE_MANAGERS as readonly string[]).includes(value);
}

/**
 * The package manager that ran us, from `npm_config_user_agent` (`pnpm/10.0.0 npm/? node/v20…`),
 * so `pnpm create agent-tool` gets pnpm commands. npm when unknown.
 */
export function detectPackageManager(env: NodeJS.ProcessEnv = process.env): PackageManager {
  const agent = env['npm_config_user_agent'] ?? '';
  const name = agent.split(' ')[0]?.split('/')[0] ?? '';
  return isPackageManager(name) ? name : 'npm';
}

/** `npm run build` / `pnpm build` / `yarn build` / `bun run build`. */
export function runCommand(pm: PackageManager, script: string): string {
  if (pm === 'npm' || pm === 'bun')
    return script === 'test' && pm === 'npm' ? 'npm test' : `${pm} run ${script}`;
  return `${pm} ${script}`;
}

/** The prefix of `runCommand` for README text: `npm run`, `pnpm`, `yarn`, `bun run`. */
export function runPrefix(pm: PackageManager): string {
  return pm === 'npm' || pm === 'bun' ? `${pm} run` : pm;
}

/**
 * How to run a bin of the project's own dependencies: `npx`, `pnpm exec`, `yarn`, `bunx`. Each
 * looks in `node_modules/.bin` first, so `npx agentsdk` runs our dev dependency, never a download.
 */
export function execPrefix(pm: PackageManager): string {
  return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm];
}
