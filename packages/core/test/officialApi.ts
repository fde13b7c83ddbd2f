import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The official SDK's declaration file, from the bench's devDependency. */
export const OFFICIAL_DTS = fileURLToPath(
  new URL('../../../bench/node_modules/@anthropic-ai/claude-agent-sdk/sdk.d.ts', import.meta.url),
);

function block(source: string, opener: string): string {
  const start = source.indexOf(opener);
  if (start < 0)
    throw new Error(`"${opener}" not found in the official sdk.d.ts: update officialApi.ts`);
  const end = source.indexOf('\n}', start);
  return source.slice(start, end);
}

/** Exported names, `Query` methods and `Options` keys of the official SDK. */
export function officialApi(): { exports: string[]; queryMethods: string[]; optionKeys: string[] } {
  const dts = readFileSync(OFFICIAL_DTS, 'utf8');
  const exports = new Set<string>();
  for (const m of dts.matchAll(
    /^export declare (?:function|const|class|type|interface|enum) (\w+)/gm,
  )) {
    exports.add(m[1] as string);
  }
  for (const m of dts.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.replace(/^type\s+/, '');
      if (name) exports.add(name);
    }
  }
  const queryMethods = [
    ...block(dts, 'export declare interface Query ').matchAll(/^ {4}(\w+)\(/gm),
  ].map((m) => m[1] as string);
  const optionKeys = [
    ...block(dts, 'export declare type Options = {').matchAll(/^ {4}(\w+)\??:/gm),
  ].map((m) => m[1] as string);
  return { exports: [...exports].sort(), queryMethods: [...new Set(queryMethods)], optionKeys };
}

/** Names our root export declares (values and types), read from `src/index.ts`. */
export function ourExports(): string[] {
  const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
  const names = new Set<string>();
  for (const m of index.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}
