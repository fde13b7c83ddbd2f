/**
 * Settings for built-in tools that the CLI otherwise fixes (the official SDK's `toolConfig`
 * option, sent at `initialize`).
 */
export interface ToolConfig {
  askUserQuestion?: {
    /**
     * What the model writes in a question option's `preview`: `markdown` (the CLI's default) or
     * self-contained `html` fragments for web hosts.
     */
    previewFormat?: 'markdown' | 'html';
  };
}
