/** One readable line (or none) for a session message: what `record` and `replay` print. */
export function describeMessage(message: Record<string, unknown>): string[] {
  const type = message['type'];
  if (type === 'system' && message['subtype'] === 'init') {
    const tools = Array.isArray(message['tools']) ? message['tools'].length : 0;
    return [
      `[init] model ${String(message['model'])}, ${tools} tools, cwd ${String(message['cwd'])}`,
    ];
  }
  if (type === 'user' || type === 'assistant') {
    const content = (message['message'] as { content?: unknown } | undefined)?.content;
    const blocks: Record<string, unknown>[] =
      typeof content === 'string'
        ? [{ type: 'text', text: content }]
        : Array.isArray(content)
          ? content
          : [];
    const lines: string[] = [];
    for (const block of blocks) {
      if (block['type'] === 'text') lines.push(`[${String(type)}] ${String(block['text'])}`);
      else if (block['type'] === 'tool_use')
        lines.push(`[tool_use] ${String(block['name'])} ${JSON.stringify(block['input'] ?? {})}`);
      else if (block['type'] === 'tool_result') {
        const result = block['content'];
        const text = Array.isArray(result)
          ? result
              .map((b: { text?: unknown }) =>
                typeof b.text === 'string' ? b.text : JSON.stringify(b),
              )
              .join(' ')
          : String(result);
        lines.push(`[tool_result${block['is_error'] === true ? ' error' : ''}] ${text}`);
      } else if (block['type'] === 'thinking')
        lines.push(`[thinking] ${String(block['thinking'])}`);
    }
    return lines;
  }
  if (type === 'system' && message['subtype'] === 'api_retry') {
    const delay = typeof message['retry_delay_ms'] === 'number' ? message['retry_delay_ms'] : 0;
    return [
      `[api_retry] ${String(message['error_status'] ?? 'no connection')} ${String(message['error'] ?? '')}: attempt ${String(message['attempt'])} of ${String(message['max_retries'])}, next in ${(delay / 1000).toFixed(1)} s`,
    ];
  }
  if (type === 'result') {
    const cost =
      typeof message['total_cost_usd'] === 'number'
        ? `, $${message['total_cost_usd'].toFixed(5)}`
        : '';
    const text = typeof message['result'] === 'string' ? `: ${message['result']}` : '';
    return [
      `[result] ${String(message['subtype'])}, ${String(message['num_turns'])} turn(s)${cost}${text}`,
    ];
  }
  return [];
}
