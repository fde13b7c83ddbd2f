import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * Register a new tool with the project's server: in `index` (the tool template's `src/index.ts`),
 * import it, add it to the `tools: [...]` of `createSdkMcpServer()` and to the `export { … }`
 * list. Returns the file when it was changed, undefined when there is no such server to edit.
 */
export async function registerTool(
  index: string,
  identifier: string,
  file: string,
): Promise<string | undefined> {
  if (!existsSync(index)) return undefined;
  const source = await readFile(index, 'utf8');
  const tools = /(createSdkMcpServer\(\{[\s\S]*?tools:\s*\[)([^\]]*)(\])/.exec(source);
  if (!tools) return undefined;
  const items = (tools[2] ?? '').trim().replace(/,\s*$/, '');
  let out =
    source.slice(0, tools.index) +
    `${tools[1]}${items === '' ? identifier : `${items}, ${identifier}`}${tools[3]}` +
    source.slice(tools.index + tools[0].length);
  out = out.replace(/^export \{([^}]*)\};$/m, (_, names: string) => {
    const list = names.trim().replace(/,\s*$/, '');
    return `export { ${list === '' ? identifier : `${list}, ${identifier}`} };`;
  });
  const imports = [...out.matchAll(/^import .*;$/gm)];
  const last = imports.at(-1);
  const line = `import { ${identifier} } from './${file}.js';`;
  const at = last ? (last.index ?? 0) + last[0].length : 0;
  out = `${out.slice(0, at)}${last ? '\n' : ''}${line}${last ? '' : '\n'}${out.slice(at)}`;
  await writeFile(index, out);
  return index;
}
