// Content blocks, as the CLI writes them inside `message.content` (docs/protocol.md §4.4, §4.5).
// Field names are the Anthropic Messages API's, unchanged.

export interface TextBlock {
  type: 'text';
  text: string;
  /** Present only when the API attached citations. */
  citations?: unknown[] | null;
}

export interface ThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}

export interface RedactedThinkingBlock {
  type: 'redacted_thinking';
  /** Encrypted reasoning; opaque to clients. */
  data: string;
}

export interface ToolUseBlock {
  type: 'tool_use';
  id: string;
  /** SDK MCP tools are named `mcp__<server>__<tool>` (docs/protocol.md §4.2). */
  name: string;
  input: Record<string, unknown>;
}

export type ImageSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string };

export interface ImageBlock {
  type: 'image';
  source: ImageSource;
}

export type DocumentSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'text'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string }
  | { type: 'content'; content: string | unknown[] };

/** A PDF or text document; the CLI's Read tool returns PDFs as these inside tool results. */
export interface DocumentBlock {
  type: 'document';
  source: DocumentSource;
  title?: string | null;
  context?: string | null;
  citations?: unknown;
}

/** What a tool result may carry besides a plain string. MCP tools answer with such arrays (c1). */
export type ToolResultContentBlock = TextBlock | ImageBlock | DocumentBlock;

export interface ToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  /** A string for built-in tools, an array of blocks for MCP tools (c1). */
  content?: string | ToolResultContentBlock[];
  /** Often absent on success; `true` for denials, hook blocks and tool failures (d1, e1). */
  is_error?: boolean;
}

/**
 * The content blocks this SDK names, so `switch (block.type)` narrows exactly. Blocks of other
 * types (server tools, future API blocks) are still delivered unchanged at runtime: test for
 * them with `isUnknownContentBlock` and read them as `UnknownContentBlock`.
 */
export type ContentBlock =
  | TextBlock
  | ThinkingBlock
  | RedactedThinkingBlock
  | ToolUseBlock
  | ToolResultBlock
  | ImageBlock
  | DocumentBlock;

export type ContentBlockType = ContentBlock['type'];

/** The block types `ContentBlock` names (a type test checks that none is missing). */
export const KNOWN_CONTENT_BLOCK_TYPES = [
  'text',
  'thinking',
  'redacted_thinking',
  'tool_use',
  'tool_result',
  'image',
  'document',
] as const satisfies readonly ContentBlockType[];

/** A block whose `type` is not one of `ContentBlock`'s. Kept as sent, never dropped. */
export interface UnknownContentBlock {
  type: string;
  [key: string]: unknown;
}

/** Prompt caching marker accepted on input blocks. */
export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

export interface TextBlockParam extends TextBlock {
  cache_control?: CacheControl | null;
}

export interface ImageBlockParam extends ImageBlock {
  cache_control?: CacheControl | null;
}

export interface DocumentBlockParam extends DocumentBlock {
  cache_control?: CacheControl | null;
}

export interface ToolResultBlockParam extends ToolResultBlock {
  cache_control?: CacheControl | null;
}

/** A block the SDK may write in a user message's `content` on stdin (docs/protocol.md §3.2). */
export type ContentBlockParam =
  TextBlockParam | ImageBlockParam | DocumentBlockParam | ToolResultBlockParam;
