import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Fixture, FixtureRecord } from '../fixture/Fixture.js';
import { writeFixture } from '../fixture/writeFixture.js';
import type { Divergence } from './Divergence.js';

/** The recording as this run played it, and the command that shows it beside the fixture. */
export interface DivergedRecording {
  path: string;
  /** `npx agentsdk view --diff <fixture> <path>`: both side by side, the divergence marked. */
  command: string;
}

/**
 * Write what a failing replay did: the fixture with the diverging SDK write replaced by the
 * actual one (or added, or left out), everything else as recorded — so `agentsdk view --diff`
 * aligns the two and marks exactly that step. Written to `<tmpdir>/agentsdk-replay/`. Best
 * effort: returns `undefined` when the fixture is not a file or the copy cannot be written.
 */
export function writeDivergedRecording(
  fixture: Fixture,
  divergence: Divergence,
): DivergedRecording | undefined {
  const source = fixture.source;
  if (!source || !existsSync(source)) return undefined;
  const records: FixtureRecord[] = [];
  const at = divergence.seq;
  const actual = divergence.actual as Record<string, unknown> | undefined;
  for (const record of fixture.records) {
    if (record.seq !== at) {
      records.push(record);
      continue;
    }
    if (divergence.kind === 'unexpected_write' && actual)
      records.push({ ...record, dir: 'sdk->cli', msg: actual }, record);
    else if (divergence.kind === 'mismatch' && actual && record.dir === 'sdk->cli')
      records.push({ ...record, msg: actual });
    // missing_write: the SDK never wrote it, so the actual run has no such record.
  }
  if (divergence.kind === 'unexpected_write' && actual && at === undefined) {
    const last = fixture.records.at(-1);
    records.push({
      seq: (last?.seq ?? 0) + 1,
      t_ms: last?.t_ms ?? 0,
      dir: 'sdk->cli',
      msg: actual,
    });
  }
  const path = join(tmpdir(), 'agentsdk-replay', `${basename(source, '.jsonl')}.actual.jsonl`);
  try {
    writeFixture(path, {
      header: {
        ...fixture.header,
        name: `${fixture.header.name ?? basename(source, '.jsonl')} (this run)`,
        description: `What the SDK wrote in a failing replay of ${source}: ${divergence.what}.`,
      },
      records,
    });
  } catch {
    return undefined;
  }
  return { path, command: `npx agentsdk view --diff ${quote(source)} ${quote(path)}` };
}

function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
