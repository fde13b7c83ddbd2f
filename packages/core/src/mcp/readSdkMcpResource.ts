import type { OutboundRequestOptions } from '../control/ControlRouter.js';
import type { SDKControlMcpReadResourceResponse } from '../control/mcpResource.js';
import { AbortError } from '../errors/AbortError.js';
import { ControlError } from '../errors/ControlError.js';
import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import type { JSONRPCMessage, SdkMcpServer } from './SdkMcpServer.js';

let readSeq = 0;

/**
 * `resources/read` on an in-process server, asked here: the CLI refuses `mcp_read_resource` for
 * in-process servers (2.1.331), but the server lives in this process. Its JSON-RPC error is a
 * `ControlError` under the same subtype, as the CLI's refusal would be.
 */
export async function readSdkMcpResource(
  server: SdkMcpServer,
  uri: string,
  timeoutMs: number,
  options: OutboundRequestOptions = {},
): Promise<SDKControlMcpReadResourceResponse> {
  const controller = new AbortController();
  const stop = (reason: unknown): void => controller.abort(reason);
  const outer = options.signal;
  if (outer?.aborted) throw new AbortError('readMcpResource was aborted.', { cause: outer.reason });
  const onAbort = (): void =>
    stop(new AbortError('readMcpResource was aborted.', { cause: outer?.reason }));
  outer?.addEventListener('abort', onAbort, { once: true });
  const wait = options.timeoutMs ?? timeoutMs;
  const timer =
    wait > 0 && Number.isFinite(wait)
      ? setTimeout(() => stop(new ControlTimeoutError('mcp_read_resource', wait)), wait)
      : undefined;
  const stopped = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    }),
  );
  stopped.catch(() => {});
  try {
    const request: JSONRPCMessage = {
      jsonrpc: '2.0',
      id: `sdk_read_${++readSeq}`,
      method: 'resources/read',
      params: { uri },
    };
    let answer: JSONRPCMessage | undefined;
    try {
      answer = await Promise.race([
        (async () => server.handleMessage(request, { signal: controller.signal }))(),
        stopped,
      ]);
    } catch (error) {
      if (controller.signal.aborted && error === controller.signal.reason) throw error;
      // The contract says handleMessage does not throw; one that does still gets a typed error.
      const why = error instanceof Error ? error.message : String(error);
      throw new ControlError(
        'mcp_read_resource',
        `in-process server "${server.name}" threw: ${why}`,
      );
    }
    const error = answer?.error as { message?: unknown; code?: unknown } | undefined;
    if (error || !answer || typeof answer.result !== 'object' || answer.result === null) {
      const message = typeof error?.message === 'string' ? error.message : 'no result';
      const code = typeof error?.code === 'number' ? String(error.code) : undefined;
      throw new ControlError(
        'mcp_read_resource',
        `in-process server "${server.name}": ${message}`,
        code,
      );
    }
    const result = answer.result as Record<string, unknown>;
    return { ...result, contents: Array.isArray(result.contents) ? result.contents : [] };
  } finally {
    if (timer) clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
