import { spawn } from 'node:child_process';
import { AsyncQueue } from '../raw/AsyncQueue.js';
import { openingLines, STREAM_JSON_ARGS } from '../raw/cliArgs.js';
import type { BenchMessage, Contender } from './Contender.js';

const NEWLINE = 0x0a;
const RESULT = Buffer.from('{"type":"result"');
const CONTROL_REQUEST = Buffer.from('{"type":"control_request"');
/** Lines up to this size are kept whole when split across chunks; longer ones are only counted. */
const SHORT_LINE = 4096;
const REQUEST_ID = /"request_id":"([^"]+)"/;

function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return (
    end - start >= prefix.length &&
    buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0
  );
}

/**
 * The pipe-only baseline: bytes in, `\n` found, nothing decoded or parsed. It yields a marker for
 * the first stdout line after the initialize answer and for the `result`, and answers control
 * requests with a canned reply found by string search (the tool answers are not computed).
 */
export const pipe: Contender = {
  name: 'pipe',
  parses: false,
  open({ cliPath, env, withCalc }) {
    const child = spawn(process.execPath, [cliPath, ...STREAM_JSON_ARGS], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const queue = new AsyncQueue<BenchMessage>(() => child.kill());
    let lines = 0;
    let sawFirst = false;
    // The start of a line split across chunks (only while it is short).
    let carry: Buffer[] = [];
    let carryBytes = 0;

    const onLine = (buf: Buffer, start: number, end: number): void => {
      lines += 1;
      if (startsWith(buf, start, end, CONTROL_REQUEST)) {
        const id = REQUEST_ID.exec(buf.toString('latin1', start, Math.min(end, start + 200)))?.[1];
        child.stdin.write(
          `{"type":"control_response","response":{"subtype":"success","request_id":"${id}","response":{"mcp_response":{"jsonrpc":"2.0","id":0,"result":{"content":[]}}}}}\n`,
        );
        return;
      }
      if (lines === 1) return; // the initialize answer
      if (!sawFirst) {
        sawFirst = true;
        queue.push({ type: 'line' });
      }
      if (startsWith(buf, start, end, RESULT)) {
        queue.push({ type: 'result' });
        child.stdin.end();
      }
    };

    child.stdout.on('data', (chunk: Buffer) => {
      let start = 0;
      let nl = chunk.indexOf(NEWLINE);
      while (nl !== -1) {
        if (carryBytes === 0) {
          onLine(chunk, start, nl);
        } else if (carryBytes <= SHORT_LINE) {
          carry.push(chunk.subarray(0, nl));
          const whole = Buffer.concat(carry);
          onLine(whole, 0, whole.length);
        } else {
          onLine(chunk, 0, 0); // a long line: counted, never inspected
        }
        carry = [];
        carryBytes = 0;
        start = nl + 1;
        nl = chunk.indexOf(NEWLINE, start);
      }
      if (start < chunk.length) {
        carryBytes += chunk.length - start;
        if (carryBytes <= SHORT_LINE) carry.push(chunk.subarray(start));
        else carry = [];
      }
    });
    child.stderr.resume();
    child.stdin.on('error', () => {});
    child.on('error', (error) => queue.end(error));
    child.on('close', () => queue.end());
    child.stdin.write(openingLines(withCalc));
    return queue;
  },
};
