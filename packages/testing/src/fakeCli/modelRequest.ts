/**
 * One Messages API request per user message, as the real CLI sends (with its credentials and
 * base URL from the env), for setups that meter model traffic between the CLI and the API (a
 * budget proxy). A failed request is reported on stderr; the fixture plays on regardless.
 */
export function modelRequest(env: NodeJS.ProcessEnv): (message: unknown) => Promise<void> {
  const base = env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': '2023-06-01',
  };
  if (env.ANTHROPIC_API_KEY) headers['x-api-key'] = env.ANTHROPIC_API_KEY;
  if (env.ANTHROPIC_AUTH_TOKEN) headers['authorization'] = `Bearer ${env.ANTHROPIC_AUTH_TOKEN}`;
  return async (message) => {
    const content = (message as { message?: { content?: unknown } }).message?.content;
    try {
      const response = await fetch(new URL('/v1/messages', base), {
        method: 'POST',
        headers,
        body: JSON.stringify({
          model: env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5',
          max_tokens: 256,
          messages: [{ role: 'user', content: content ?? '' }],
        }),
      });
      await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      process.stderr.write(
        `agentsdk fake CLI: the model request before a user message failed: ${String(error)}\n`,
      );
    }
  };
}
