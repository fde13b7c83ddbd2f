import { CLIJSONDecodeError } from '../errors/CLIJSONDecodeError.js';
import type { TransportSink } from './Transport.js';

/**
 * Parse one stdout line and hand it to the sink. A line that does not start with `{` is noise
 * (the CLI only ever writes objects), reported and skipped; a `{` line that fails to parse is a
 * real protocol error.
 */
export function parseLine(line: string, sink: TransportSink): void {
  const first = line.charCodeAt(0);
  // `{` — fast path; anything else may be leading whitespace before JSON, or noise.
  if (first !== 0x7b) {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (!trimmed.startsWith('{')) {
      sink.noise(line);
      return;
    }
    line = trimmed;
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    sink.error(new CLIJSONDecodeError(line, error));
    return;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    sink.message(value as Record<string, unknown>);
  } else {
    sink.noise(line);
  }
}
