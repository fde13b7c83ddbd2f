import { listTools } from './listTools.js';
import type { ToolServer } from './types.js';

/** What the model sees of one tool: the parts a schema snapshot should pin. */
export interface ToolSchemaSnapshot {
  description?: string;
  title?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

/**
 * The tools of a server by name, with object keys sorted at every level so the result is
 * stable for snapshots: `expect(await toolSchemas(server)).toMatchSnapshot()`.
 */
export async function toolSchemas(server: ToolServer): Promise<Record<string, ToolSchemaSnapshot>> {
  const tools = await listTools(server);
  const out: Record<string, ToolSchemaSnapshot> = {};
  for (const tool of [...tools].sort((a, b) => a.name.localeCompare(b.name))) {
    const schema: ToolSchemaSnapshot = { inputSchema: tool.inputSchema };
    if (tool.description !== undefined) schema.description = tool.description;
    if (tool.title !== undefined) schema.title = tool.title;
    if (tool.outputSchema !== undefined) schema.outputSchema = tool.outputSchema;
    if (tool.annotations !== undefined) schema.annotations = tool.annotations;
    out[tool.name] = sortKeys(schema) as ToolSchemaSnapshot;
  }
  return out;
}

/**
 * `toolSchemas` as pretty JSON text ending in a newline, for a file snapshot:
 * `await expect(await schemaSnapshot(server)).toMatchFileSnapshot('./calc.tools.json')`.
 */
export async function schemaSnapshot(server: ToolServer): Promise<string> {
  return `${JSON.stringify(await toolSchemas(server), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}
