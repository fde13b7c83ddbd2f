import type { Divergence } from './Divergence.js';

/** A control request the CLI sent during a replay, and what the SDK answered. */
export interface ReplayAnswer {
  /** The CLI's `request_id`. */
  requestId: string;
  /** The CLI's request (`subtype`, `tool_name`, `input`, `message`, …) as recorded. */
  request: Record<string, unknown>;
  /** The SDK's answer in this run: the `response` envelope (`subtype`, `response` or `error`). */
  response: Record<string, unknown>;
  /** The SDK's answer in the recording, if it had one. */
  recorded?: Record<string, unknown>;
}

/** How a replay went. */
export interface ReplayReport {
  divergences: readonly Divergence[];
  answers: readonly ReplayAnswer[];
  /** Messages delivered to the SDK (stdout lines of the recorded CLI). */
  delivered: number;
  /** Messages the SDK wrote. */
  written: number;
  /** The recording played to its end (the CLI's exit), rather than being closed early. */
  complete: boolean;
}
