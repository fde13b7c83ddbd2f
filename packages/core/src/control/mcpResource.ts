// MCP resources as the CLI hands them over. Named and shaped as the official SDK 0.3.336
// declares them; objects stay open for what a newer CLI adds.

/** One item of a resource the CLI read: `text`, or `blob` (base64) for binary content. */
export interface SDKMcpResourceContent {
  uri: string;
  mimeType?: string;
  text?: string;
  blob?: string;
  /** The item's own `_meta` (minus keys the CLI reserves). */
  _meta?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The server's `resources/read` result, as `readMcpResource()` answers it. */
export interface SDKControlMcpReadResourceResponse {
  contents: SDKMcpResourceContent[];
  [key: string]: unknown;
}

/** A file an MCP tool returned by reference (`resource_link` content), e.g. on a task notification. */
export interface SDKMcpResourceLink {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
  annotations?: Record<string, unknown>;
  [key: string]: unknown;
}
