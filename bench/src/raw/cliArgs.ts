/** What every contender's CLI is started with (docs/protocol.md §1.1). */
export const STREAM_JSON_ARGS = [
  '--output-format',
  'stream-json',
  '--verbose',
  '--input-format',
  'stream-json',
];

/** The first two lines every driver writes: `initialize`, then the user turn. */
export function openingLines(withCalc: boolean): string {
  const initialize = {
    type: 'control_request',
    request_id: 'raw_init_1',
    request: {
      subtype: 'initialize',
      systemPrompt: [''],
      ...(withCalc ? { sdkMcpServers: ['calc'] } : {}),
    },
  };
  const user = {
    type: 'user',
    session_id: '',
    message: { role: 'user', content: [{ type: 'text', text: 'bench' }] },
    parent_tool_use_id: null,
  };
  return `${JSON.stringify(initialize)}\n${JSON.stringify(user)}\n`;
}
