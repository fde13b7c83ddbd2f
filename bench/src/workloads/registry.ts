import { backlog } from './backlog.js';
import { coldStart } from './coldStart.js';
import { hugeLine } from './hugeLine.js';
import { replay } from './replay.js';
import { slowConsumer } from './slowConsumer.js';
import { stream } from './stream.js';
import { toolCalls } from './toolCalls.js';
import { warmStart } from './warmStart.js';
import type { Workload } from './Workload.js';

/** Every workload a row can name, by id. */
export const WORKLOADS = {
  stream,
  toolCalls,
  hugeLine,
  coldStart,
  warmStart,
  slowConsumer,
  backlog,
  replay,
} satisfies Record<string, Workload>;

export type WorkloadId = keyof typeof WORKLOADS;
