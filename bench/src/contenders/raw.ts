import { spawn } from 'node:child_process';
import { AsyncQueue } from '../raw/AsyncQueue.js';
import { calcResponse } from '../raw/calcResponse.js';
import { openingLines, STREAM_JSON_ARGS } from '../raw/cliArgs.js';
import { LineSplitter } from '../raw/LineSplitter.js';
import type { BenchMessage, Contender } from './Contender.js';
import { rawReplay } from './rawReplay.js';

interface ControlRequest {
  type: 'control_request';
  request_id: string;
  request: { subtype: string; message?: Parameters<typeof calcResponse>[0] };
}

/**
 * The raw limit: `child_process.spawn`, newline split, `JSON.parse`, control responses written
 * by hand, and the same async-iterator shape as the SDKs so the consumer code is identical.
 */
export const raw: Contender = {
  name: 'raw',
  parses: true,
  replay: rawReplay,
  open({ cliPath, env, withCalc }) {
    const child = spawn(process.execPath, [cliPath, ...STREAM_JSON_ARGS], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const queue = new AsyncQueue<BenchMessage>(() => child.kill());
    const send = (message: unknown): void => {
      child.stdin.write(`${JSON.stringify(message)}\n`);
    };
    const onMessage = (message: BenchMessage): void => {
      switch (message.type) {
        case 'control_response':
          return;
        case 'control_request': {
          const { request_id, request } = message as unknown as ControlRequest;
          const response =
            request.subtype === 'mcp_message' && request.message
              ? { mcp_response: calcResponse(request.message) }
              : {};
          send({
            type: 'control_response',
            response: { subtype: 'success', request_id, response },
          });
          return;
        }
        case 'result':
          queue.push(message);
          child.stdin.end();
          return;
        default:
          queue.push(message);
      }
    };
    const splitter = new LineSplitter((line) => onMessage(JSON.parse(line) as BenchMessage));
    const fail = (error: unknown): void => {
      queue.end(error);
      child.kill();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      try {
        splitter.push(chunk);
      } catch (error) {
        fail(error);
      }
    });
    child.stderr.resume();
    child.stdin.on('error', () => {});
    child.on('error', fail);
    child.on('close', () => queue.end());
    child.stdin.write(openingLines(withCalc));
    return queue;
  },
};
