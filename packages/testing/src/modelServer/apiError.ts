/** The Anthropic API's error body: `{"type":"error","error":{"type":…,"message":…},"request_id":…}`. */
export interface ApiErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string;
}

const TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const MESSAGES: Readonly<Record<string, string>> = {
  invalid_request_error: 'Invalid request',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Billing error',
  permission_error: 'Permission denied',
  not_found_error: 'Not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Rate limited',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

/** The Anthropic error type for an HTTP status (`api_error` for statuses it has no name for). */
export function errorTypeForStatus(status: number): string {
  return TYPES[status] ?? 'api_error';
}

/** Builds an Anthropic-shaped error body; type and message default from the status. */
export function apiErrorBody(
  status: number,
  options: { type?: string; message?: string; requestId?: string } = {},
): ApiErrorBody {
  const type = options.type ?? errorTypeForStatus(status);
  const body: ApiErrorBody = {
    type: 'error',
    error: { type, message: options.message ?? MESSAGES[type] ?? `HTTP ${status}` },
  };
  if (options.requestId !== undefined) body.request_id = options.requestId;
  return body;
}
