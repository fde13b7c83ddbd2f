import type { ServerResponse } from 'node:http';

/** An answer in the Messages API's error shape, which the CLI shows to the user as is. */
export function sendApiError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({ type: 'error', error: { type, message } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The same error as an SSE event, for a stream that has already started. */
export function sseError(type: string, message: string): string {
  return `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message } })}\n\n`;
}
