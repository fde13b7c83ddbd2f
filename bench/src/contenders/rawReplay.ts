import { readFileSync } from 'node:fs';
import { AsyncQueue } from '../raw/AsyncQueue.js';
import type { BenchMessage } from './Contender.js';

interface FixtureLine {
  dir?: string;
  msg?: BenchMessage;
}

/**
 * The floor for fixture replay: read the file, `JSON.parse` every line, and deliver the CLI's
 * messages (control traffic skipped) through the same minimal async queue.
 */
export function rawReplay(fixturePath: string): AsyncIterable<BenchMessage> {
  const queue = new AsyncQueue<BenchMessage>();
  const text = readFileSync(fixturePath, 'utf8');
  let start = text.indexOf('\n') + 1; // line 1 is the header
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const record = JSON.parse(text.slice(start, end)) as FixtureLine;
    const type = record.msg?.type;
    if (record.dir === 'cli->sdk' && type !== 'control_response' && type !== 'control_request') {
      queue.push(record.msg as BenchMessage);
    }
    start = end + 1;
  }
  queue.end();
  return queue;
}
