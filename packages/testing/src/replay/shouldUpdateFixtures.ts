/**
 * Whether fixtures in `'update'` mode are re-recorded from a live run: only when
 * `AGENTSDK_UPDATE_FIXTURES` is `1` or `true`, and never when `CI` is set.
 */
export function shouldUpdateFixtures(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const flag = env.AGENTSDK_UPDATE_FIXTURES;
  if (flag !== '1' && flag !== 'true') return false;
  const ci = env.CI;
  return ci === undefined || ci === '' || ci === '0' || ci === 'false';
}
