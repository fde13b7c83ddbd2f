import { AgentSDKError } from '@agentsdk/core';
import { CliError } from '../errors/CliError.js';
import { line, painter, type Io } from '../util/io.js';

/** Print an error on stderr (message only for our errors) and return the exit code. */
export function handleError(error: unknown, io: Io): number {
  const paint = painter(io.stderr, io.env);
  if (error instanceof CliError || (AgentSDKError.is(error) && 'exitCode' in error)) {
    const cli = error as CliError;
    if (cli.code !== 'CANCELLED') line(io.stderr, `${paint('red', 'error')} ${cli.message}`);
    return cli.exitCode;
  }
  if (AgentSDKError.is(error)) {
    line(io.stderr, `${paint('red', 'error')} ${error.code}: ${error.message}`);
    return 1;
  }
  line(
    io.stderr,
    `${paint('red', 'error')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return 1;
}
