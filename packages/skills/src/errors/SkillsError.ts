const MARKER = Symbol.for('agentsdk.skills.error');

/** Every code `@agentsdk/skills` throws with. Validation problems are never thrown: they are diagnostics. */
export type SkillsErrorCode =
  /** An argument cannot work (a plugin name that is not kebab-case, an empty agent prompt, …). */
  | 'INVALID_ARGUMENT'
  /** The target of a scaffold exists and is not empty, and `force` was not set. */
  | 'TARGET_EXISTS'
  /** A file that must be read could not be (missing, a directory, no permission). */
  | 'READ_FAILED';

/**
 * The error `@agentsdk/skills` throws. `SkillsError.is(x)` works across duplicated installs, where
 * `instanceof` would not.
 */
export class SkillsError extends Error {
  readonly code: SkillsErrorCode;
  readonly [MARKER] = true;

  constructor(code: SkillsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'SkillsError';
  }

  static is(value: unknown): value is SkillsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
