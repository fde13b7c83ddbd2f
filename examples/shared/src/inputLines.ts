import { createInterface } from 'node:readline';

/**
 * What the user types, line by line. On a terminal: a readline prompt, until Ctrl-D. Otherwise
 * (CI, a pipe): the lines on stdin, echoed after the prompt so the output reads as a transcript,
 * or `fallback` when stdin has none (e.g. `< /dev/null`). So interactive examples also run
 * unattended.
 */
export async function* inputLines(prompt: string, fallback: string[]): AsyncGenerator<string> {
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout, prompt });
    try {
      rl.prompt();
      for await (const line of rl) {
        yield line;
        rl.prompt();
      }
    } finally {
      rl.close();
    }
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let count = 0;
  try {
    for await (const line of rl) {
      count += 1;
      console.log(`${prompt}${line}`);
      yield line;
    }
  } finally {
    rl.close();
  }
  if (count > 0) return;
  for (const line of fallback) {
    console.log(`${prompt}${line}`);
    yield line;
  }
}
