import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeSDKClient, query } from '@agentsdk/core';
import { modelEnvironment, printMessage, useTool } from '@agentsdk/examples-shared';
import { canUseToolFrom, denyDangerous, draftsOnly, tenantGuard } from './policies.js';

await using model = await modelEnvironment([
  useTool('Write', { file_path: 'report.md', content: '# Quarterly report\n' }),
  useTool('Read', { file_path: '/etc/hostname' }),
  useTool('Bash', { command: 'cat ../tenant-b/secrets.txt', description: 'Read the secrets' }),
  useTool('Bash', { command: 'rm -rf drafts', description: 'Clean up' }),
]);
const workspace = model.workspace('tenant-a'); // this tenant's folder
const shared = model.workspace('shared'); // read-only material every tenant may read
model.workspace('tenant-b'); // another tenant's folder, next to this one

// #region options
for await (const message of query({
  prompt: 'Write the quarterly report, then tidy up.',
  options: {
    cwd: workspace,
    canUseTool: canUseToolFrom([
      denyDangerous,
      tenantGuard([workspace, shared]),
      draftsOnly(workspace),
    ]),
    env: model.env,
  },
})) {
  printMessage(message);
  if (message.type === 'result' && message.permission_denials.length > 0)
    console.log(`denied › ${message.permission_denials.map((d) => d.tool_name).join(', ')}`);
}
// #endregion options

console.log(`\ndrafts/report.md exists: ${existsSync(join(workspace, 'drafts', 'report.md'))}`);
console.log(`report.md exists: ${existsSync(join(workspace, 'report.md'))}`);

// #region sandbox
// Defence in depth: a permission mode, plus Bash sandboxing (macOS, Linux with bubblewrap).
await using secured = new ClaudeSDKClient({
  cwd: workspace,
  permissionMode: 'default', // ask (canUseTool) for anything no rule allows
  sandbox: {
    enabled: true,
    autoAllowBashIfSandboxed: true, // sandboxed commands need no approval
    excludedCommands: ['git', 'docker'], // these run outside the sandbox, and are asked about
    allowUnsandboxedCommands: false,
  },
  env: model.env,
});
await secured.connect(); // no prompt yet: just the CLI, to read the settings it applies
const settings = (await secured.getSettings()) as { effective?: { sandbox?: unknown } };
console.log(`\nsandbox › ${JSON.stringify(settings.effective?.sandbox)}`);
// #endregion sandbox
