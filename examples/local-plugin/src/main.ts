import { fileURLToPath } from 'node:url';
import { query } from '@agentsdk/core';
import { modelEnvironment, printMessage, say } from '@agentsdk/examples-shared';
import { formatDiagnostic, validatePlugin } from '@agentsdk/skills';

await using model = await modelEnvironment([
  say(
    '[ ] tests green\n[ ] changelog entry for 1.2.0\n[ ] version bumped to 1.2.0\n[ ] tag v1.2.0 pushed',
  ),
]);
const plugin = fileURLToPath(new URL('../release-tools', import.meta.url));

// #region validate
// The same verdict as `claude plugin validate`, with positioned diagnostics.
const validation = await validatePlugin(plugin);
for (const diagnostic of validation.diagnostics) console.log(formatDiagnostic(diagnostic));
console.log(`plugin › ${validation.name}: ${validation.valid ? 'valid' : 'invalid'}`);
// #endregion validate

// #region load
for await (const message of query({
  // A plugin command, run like a slash command: the CLI expands it into the prompt.
  prompt: '/release-tools:checklist 1.2.0',
  options: {
    plugins: [{ type: 'local', path: plugin }],
    cwd: model.workspace('project'),
    env: model.env,
  },
})) {
  if (message.type === 'system' && message.subtype === 'init') {
    const ours = (names: string[] = []) =>
      names.filter((n) => n.startsWith('release-tools:')).join(', ');
    const loaded = message.plugins.find((p) => p.name === 'release-tools');
    console.log(`loaded › ${loaded?.name} from ${loaded?.path}`);
    console.log(`  commands: ${ours(message.slash_commands)}`);
    console.log(`  skills:   ${ours(message.skills)}`);
    console.log(`  agents:   ${ours(message.agents)}`);
  }
  printMessage(message);
}
// #endregion load
