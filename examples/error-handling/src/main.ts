import {
  AgentSDKError,
  CLINotFoundError,
  ProcessError,
  ResultError,
  discoverCli,
  finalText,
  isAgentSDKError,
  query,
  type ClaudeAgentOptions,
  type SDKResultMessage,
} from '@agentsdk/core';
import { modelEnvironment, printMessage, say, useTool } from '@agentsdk/examples-shared';
import { withRetry } from './retry.js';

const unauthorized = { error: { status: 401, message: 'invalid x-api-key' } };
const overloaded = { error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } };
await using model = await modelEnvironment([
  unauthorized, // 3. an API error is a result …
  unauthorized, //    … or, with throwOnResultError, a ResultError
  overloaded, // 4. retried with backoff …
  overloaded,
  say('Third time lucky.'), //    … until it works
  useTool('Bash', { command: 'touch audit.log', description: 'Create the audit log' }),
  say('I could not create audit.log, so I will go on without it.'), // 5.
  {
    content: [
      { type: 'text', text: 'Working on it.' },
      { type: 'text', text: 'This part never arrives: the caller aborts first.' },
    ],
    stall_after_chars: 20, // 6. hold the answer open after the first block
  },
]);
const base: ClaudeAgentOptions = { cwd: model.workspace('project'), env: model.env };

/** Run one prompt to the end of the session; return its result. */
async function run(prompt: string, options: ClaudeAgentOptions = {}): Promise<SDKResultMessage> {
  let result: SDKResultMessage | undefined;
  // Read to the end rather than returning at the result: a failing CLI may write a result
  // and then exit with an error, which arrives as a throw after it.
  for await (const message of query({ prompt, options: { ...base, ...options } }))
    if (message.type === 'result') result = message;
  if (!result) throw new Error('the session ended without a result');
  return result;
}

// #region cli-missing
console.log('--- 1. CLI not found');
console.log(`found  › ${discoverCli().source}: ${discoverCli().path}`); // where discovery looks
try {
  await run('hi', { cliPath: '/nowhere/claude' });
} catch (error) {
  if (!(error instanceof CLINotFoundError)) throw error;
  console.log(`caught › ${error.name} (${error.code}): ${error.message.slice(0, 60)}…`);
}
// #endregion cli-missing

// #region process-error
console.log('\n--- 2. The CLI process fails');
const stderr: string[] = [];
try {
  // An unknown session id: the CLI exits with an error before any model call.
  await run('hi', {
    resume: '00000000-0000-4000-8000-000000000000',
    stderr: (line) => stderr.push(line),
  });
} catch (error) {
  if (!(error instanceof ProcessError)) throw error;
  console.log(
    `caught › ProcessError, exit code ${error.exitCode}: ${error.stderr.trim().split('\n')[0]}`,
  );
  console.log(`stderr › ${stderr.length} line(s) seen by the stderr callback`);
}
// #endregion process-error

// #region result-errors
console.log('\n--- 3. A turn that fails is a result, not a throw');
// (Online, the bad key makes the real API answer 401 as well.)
const badKey = { env: { ...model.env, ANTHROPIC_API_KEY: 'sk-ant-invalid' } };
const failed = await run('hi', badKey);
// Check is_error, not subtype: an API failure is subtype 'success' with is_error: true.
console.log(
  `result › is_error ${failed.is_error}, subtype ${failed.subtype}: ${finalText(failed)}`,
);
try {
  await run('hi', { ...badKey, throwOnResultError: true }); // or have it thrown
} catch (error) {
  if (!(error instanceof ResultError)) throw error;
  const status = error.result.subtype === 'success' ? error.result.api_error_status : undefined;
  console.log(`caught › ResultError, API status ${status}`);
}
// #endregion result-errors

console.log('\n--- 4. Retry with backoff');
// #region use-retry
const answer = await withRetry(() => run('Say something.', { throwOnResultError: true }), {
  retries: 3,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
});
console.log(`result › ${finalText(answer)}`);
// #endregion use-retry

// #region callback-errors
console.log('\n--- 5. A callback that throws fails closed');
for await (const message of query({
  prompt: 'Create the audit log.',
  options: {
    ...base,
    canUseTool: () => {
      throw new Error('policy service unreachable');
    },
    // The throw denies the tool (the model reads why) and is reported here; the session goes on.
    onWarning: (warning) =>
      console.log(`warn   › ${warning.code}: ${warning.message.slice(0, 70)}`),
  },
}))
  printMessage(message);
// #endregion callback-errors

// #region abort
console.log(
  '\n--- 6. Abort: stop a session from outside (a timeout, a cancelled request, shutdown)',
);
const controller = new AbortController(); // e.g. AbortSignal.timeout(30_000), or a request's signal
try {
  for await (const message of query({
    prompt: 'Write a long report.',
    // Aborting mid-turn stops the CLI at once (SIGTERM) and ends the loop with an AbortError.
    options: { ...base, abortSignal: controller.signal },
  })) {
    printMessage(message);
    if (message.type === 'assistant') controller.abort(new Error('the user closed the tab'));
  }
} catch (error) {
  if (!isAgentSDKError(error, 'ABORTED')) throw error;
  console.log(`caught › ${error.name}: ${error.message} (the CLI process has been stopped)`);
}
// #endregion abort

// #region any-error
// Every error of the SDK extends AgentSDKError and has a string code; is() works across installs.
const errors: unknown[] = [new CLINotFoundError('x'), new Error('y')];
console.log(
  `\ncodes  › ${errors.map((e) => (AgentSDKError.is(e) ? e.code : 'not ours')).join(', ')}`,
);
console.log(`check  › ${isAgentSDKError(errors[0], 'CLI_NOT_FOUND')}`);
// #endregion any-error
