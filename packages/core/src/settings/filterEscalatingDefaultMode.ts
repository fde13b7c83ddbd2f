import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { PermissionMode } from '../permissions/types.js';
import type { ResolvedSettings, Settings } from './types.js';

/** Modes that let tools run with fewer prompts: a checked-in file must not switch them on. */
const ESCALATING: readonly string[] = ['bypassPermissions', 'auto', 'acceptEdits'];

/**
 * `resolved.effective` with the CLI's trust rule applied to `permissions.defaultMode`: a mode
 * that asks less (`bypassPermissions`, `auto`, `acceptEdits`) set by the project's checked-in
 * settings is ignored, so the next source down decides (or none). Apply it before acting on
 * `defaultMode`. `resolved` is not changed.
 */
export function filterEscalatingDefaultMode(resolved: ResolvedSettings): Settings {
  if (!Array.isArray(resolved?.sources) || typeof resolved.effective !== 'object') {
    throw new InvalidArgumentError(
      'filterEscalatingDefaultMode',
      'resolved',
      'must be what resolveSettings() answered ({ effective, sources, … })',
    );
  }
  let mode: PermissionMode | undefined;
  for (const { source, settings } of [...resolved.sources].reverse()) {
    const candidate = settings.permissions?.defaultMode;
    if (typeof candidate !== 'string') continue;
    if (source === 'project' && ESCALATING.includes(candidate)) continue;
    mode = candidate;
    break;
  }
  const effective = resolved.effective;
  if (effective.permissions?.defaultMode === mode) return effective;
  const { defaultMode: _dropped, ...permissions } = effective.permissions ?? {};
  return {
    ...effective,
    permissions: mode === undefined ? permissions : { ...permissions, defaultMode: mode },
  };
}
