import { readFile } from 'node:fs/promises';
import { SettingsParseError } from '../errors/SettingsParseError.js';
import type { Settings } from './types.js';

/**
 * One settings file: `undefined` when there is none (missing, or a folder where a file was
 * expected), the object when it parses, a `SettingsParseError` otherwise. Errors are returned,
 * not thrown, so the caller decides whether one bad file stops the whole resolution.
 */
export async function readSettingsFile(
  path: string,
): Promise<Settings | SettingsParseError | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    return new SettingsParseError(path, `it cannot be read (${code ?? String(error)})`, {
      cause: error,
    });
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new SettingsParseError(path, `it is not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new SettingsParseError(path, 'it is not a JSON object');
  }
  return value as Settings;
}
