import { relative } from 'node:path';
import { execPrefix, runCommand, type PackageManager } from './packageManager.js';
import type { TemplateName } from './templates.js';

/** The exact commands to run after scaffolding, in order. */
export function nextSteps(options: {
  template: TemplateName;
  directory: string;
  cwd: string;
  packageManager: PackageManager;
  installed: boolean;
  /** The MCP server name (tool template), for `claude mcp add`. */
  serverName: string;
}): string[] {
  const { template, packageManager: pm } = options;
  const rel = relative(options.cwd, options.directory);
  const steps: string[] = [];
  if (rel !== '') steps.push(`cd ${/\s/.test(rel) ? JSON.stringify(rel) : rel}`);
  // Every template is a package whose dev dependency (create-agent-tool) provides `agentsdk`.
  if (!options.installed) steps.push(`${pm} install`);
  if (template === 'tool') {
    steps.push(runCommand(pm, 'build'), runCommand(pm, 'test'));
    steps.push(`claude mcp add ${options.serverName} -- node "$PWD/dist/server.js"`);
    return steps;
  }
  steps.push(`${execPrefix(pm)} agentsdk validate .`);
  steps.push(template === 'agent' ? 'claude' : 'claude --plugin-dir .');
  return steps;
}
