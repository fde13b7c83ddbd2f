import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * One Messages API request per user message, as the real CLI sends (with its credentials and
 * base URL from the env), for setups that meter model traffic between the CLI and the API (a
 * budget proxy). A failed request is reported on stderr; the fixture plays on regardless.
 * `node:http`, not `fetch`: loading fetch costs every fake CLI process ~50 ms of CPU, which adds
 * up in load tests that start hundreds.
 */
export function modelRequest(env: NodeJS.ProcessEnv): (message: unknown) => Promise<void> {
  const url = new URL('/v1/messages', env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': '2023-06-01',
  };
  if (env.ANTHROPIC_API_KEY) headers['x-api-key'] = env.ANTHROPIC_API_KEY;
  if (env.ANTHROPIC_AUTH_TOKEN) headers['authorization'] = `Bearer ${env.ANTHROPIC_AUTH_TOKEN}`;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return async (message) => {
    const content = (message as { message?: { content?: unknown } }).message?.content;
    const body = JSON.stringify({
      model: env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5',
      max_tokens: 256,
      messages: [{ role: 'user', content: content ?? '' }],
    });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = send(url, { method: 'POST', headers }, (res) => {
          res.resume(); // the answer is not played
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
      if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
    } catch (error) {
      process.stderr.write(
        `agentsdk fake CLI: the model request before a user message failed: ${String(error)}\n`,
      );
    }
  };
}
