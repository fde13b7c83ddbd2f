import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { offlineEnvironment } from './offlineEnvironment.js';

it('starts the scripted model and gives the CLI its URL, a private HOME and TMPDIR', async () => {
  const offline = await offlineEnvironment({
    script: [{ content: [{ type: 'text', text: 'Hi' }] }],
  });
  expect(offline.env).toMatchObject({
    ANTHROPIC_BASE_URL: offline.server.url,
    HOME: offline.home,
    TMPDIR: offline.tmp,
    CLAUDE_CODE_MAX_RETRIES: '0',
  });
  expect('ANTHROPIC_AUTH_TOKEN' in offline.env && offline.env.ANTHROPIC_AUTH_TOKEN).toBe(undefined);
  expect(offline.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${offline.server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'x' }],
    }),
  });
  expect(response.status).toBe(200);
  expect(offline.server.requests).toHaveLength(1); // the server at env.ANTHROPIC_BASE_URL answered

  const work = offline.workspace();
  expect(existsSync(work) && work.startsWith(offline.root)).toBe(true);
  expect(offline.shellExports()).toContain(`export HOME='${offline.home}'`);
  expect(offline.shellExports()).toContain('unset ANTHROPIC_AUTH_TOKEN');

  await offline.close();
  await offline.close(); // idempotent
  expect(existsSync(offline.root)).toBe(false);
});

it('disposes with await using', async () => {
  let root: string;
  {
    await using offline = await offlineEnvironment();
    root = offline.root;
    expect(existsSync(root)).toBe(true);
  }
  expect(existsSync(root)).toBe(false);
});
