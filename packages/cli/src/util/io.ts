import { styleText } from 'node:util';

/** Where a command writes: data on `stdout`, logs on `stderr`. Swappable in tests. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

/** Colour for a stream: off with `NO_COLOR`, or when the stream is not a terminal. */
export function painter(
  stream: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
): (style: Style, text: string) => string {
  const on =
    !('NO_COLOR' in env && env['NO_COLOR'] !== '') &&
    ((stream as { isTTY?: boolean }).isTTY === true || env['FORCE_COLOR'] === '1');
  return (style, text) => (on ? styleText(style, text, { validateStream: false }) : text);
}

export function line(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
