import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ModelServerError } from './ModelServerError.js';
import { parseModelScript } from './parseModelScript.js';
import type { ModelScript } from './script.js';

/**
 * Reads and checks a script file (`{ "turns": [...] }`, the format of the traces' `*.mock.json`).
 *
 * @param path - A file path or `file:` URL.
 * @throws {ModelServerError} `INVALID_SCRIPT` when the file cannot be read, is not JSON, or does
 *   not match the script format (the message names the file and the field).
 */
export async function loadModelScript(path: string | URL): Promise<ModelScript> {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ModelServerError(
      'INVALID_SCRIPT',
      `Cannot read model script ${file}: ${String(cause)}`,
      {
        cause,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ModelServerError(
      'INVALID_SCRIPT',
      `Model script ${file} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  return parseModelScript(value, file);
}
