import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../errors/CliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs`, strict, with unknown flags reported as a usage error naming the command. */
export function parseFlags<O extends Options>(
  command: string,
  args: string[],
  options: O,
): {
  values: ReturnType<
    typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
  >['values'];
  positionals: string[];
} {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new CliError(
      'USAGE',
      `${command}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, '.')} Run \`${command} --help\` for usage.`,
      { cause: error },
    );
  }
}
