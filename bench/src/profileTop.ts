// Summarize V8 CPU profiles (`pnpm bench --profile` writes them to results/profiles/):
// top functions by self time and by inclusive time, and time per source file.
// Usage: node dist/profileTop.js <file.cpuprofile>… [--top 25] [--callers <regex>]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('/node_modules/');
  if (at !== -1) return url.slice(at + '/node_modules/'.length);
  const pkg = url.indexOf('/packages/');
  if (pkg !== -1) return url.slice(pkg + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}

function keyOf(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function top(map: Map<string, number>, total: number, n: number): string {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, ms]) =>
        `${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
    )
    .join('\n');
}

function summarize(file: string, n: number, callersOf?: RegExp): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  const callers = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += ms;
    add(self, keyOf(node.callFrame), ms);
    add(files, shortUrl(node.callFrame.url), ms);
    if (callersOf) {
      // The stack from the matching frame up to the nearest frame outside node internals.
      const chain: string[] = [];
      let matched = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (!frame) break;
        if (!matched) {
          if (!callersOf.test(keyOf(frame))) continue;
          matched = true;
        }
        chain.push(keyOf(frame));
        if (chain.length > 1 && frame.url && !frame.url.startsWith('node:')) break;
        if (chain.length >= 8) break;
      }
      if (matched) add(callers, chain.join(' ← '), ms);
    }
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = keyOf(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, ms);
    }
  });
  return [
    `== ${basename(file)}: ${total.toFixed(0)} ms sampled`,
    `-- self time\n${top(self, total, n)}`,
    `-- inclusive time\n${top(inclusive, total, n)}`,
    `-- self time by file\n${top(files, total, Math.min(n, 15))}`,
    ...(callersOf ? [`-- call paths into ${callersOf.source}\n${top(callers, total, n)}`] : []),
  ].join('\n');
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } },
  allowPositionals: true,
});
const callersOf = values.callers ? new RegExp(values.callers) : undefined;
for (const file of positionals) {
  process.stdout.write(`${summarize(file, Number(values.top), callersOf)}\n\n`);
}
