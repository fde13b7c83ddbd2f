import type { AgentDefinition } from '@agentsdk/core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SkillsError } from '../errors/SkillsError.js';
import { defineAgent } from './defineAgent.js';
import { parseAgentFile, type AgentFile } from './parseAgentFile.js';
import { renderAgentFile } from './renderAgentFile.js';

const FILE_NAME = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

/** Write `<directory>/<name>.md` (creating the folder). Returns the file's path. */
export async function writeAgentFile(
  directory: string,
  name: string,
  definition: AgentDefinition,
  extra?: Parameters<typeof renderAgentFile>[2],
): Promise<string> {
  if (!FILE_NAME.test(name))
    throw new SkillsError(
      'INVALID_ARGUMENT',
      `Agent name "${name}" may use letters, digits, "-" and "_" only (it names the file).`,
    );
  defineAgent(definition);
  const dir = resolve(directory);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.md`);
  await writeFile(path, renderAgentFile(name, definition, extra));
  return path;
}

export interface AgentDirectory {
  /** Agents whose file has no error, by name: the value of core's `agents` option. */
  agents: Record<string, AgentDefinition>;
  /** Every `.md` file read, with its diagnostics. */
  files: AgentFile[];
}

/**
 * Read the agent files (`*.md`) of a folder such as `.claude/agents` or a plugin's `agents/`.
 * A missing folder gives no agents.
 */
export async function loadAgentsDirectory(directory: string): Promise<AgentDirectory> {
  const dir = resolve(directory);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { agents: {}, files: [] };
    throw new SkillsError('READ_FAILED', `Cannot read agents folder ${dir}.`, { cause: error });
  }
  const files: AgentFile[] = [];
  const agents: Record<string, AgentDefinition> = {};
  for (const name of names) {
    const file = join(dir, name);
    const parsed = parseAgentFile(await readFile(file, 'utf8'), { file });
    files.push(parsed);
    if (!parsed.diagnostics.some((d) => d.severity === 'error'))
      agents[parsed.name] = parsed.definition;
  }
  return { agents, files };
}
