/** One parsed server-sent event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * A deliberately tiny SSE parser for tests: splits on blank lines, reads `event:` and `data:`
 * fields (several `data:` lines are joined with `\n`), and JSON-parses the data.
 * Throws on anything it does not understand, so framing mistakes fail loudly.
 */
export function parseSse(text: string): SseEvent[] {
  if (text.length > 0 && !text.endsWith('\n\n'))
    throw new Error('SSE text does not end with a blank line');
  const events: SseEvent[] = [];
  for (const frame of text.split('\n\n')) {
    if (frame === '') continue;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`Bad SSE line: ${JSON.stringify(line)}`);
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else throw new Error(`Unexpected SSE field: ${field}`);
    }
    events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
  }
  return events;
}

type Block = Record<string, unknown>;

/**
 * Rebuilds the message a stream of Messages API events describes, the way a client does:
 * start from `message_start`, open blocks on `content_block_start`, apply deltas (text, thinking,
 * signature, tool input JSON), then take `stop_reason` and usage from `message_delta`.
 * Also checks the event name of every frame matches its data's `type`.
 */
export function assembleMessage(events: readonly SseEvent[]): Record<string, unknown> {
  let message: Record<string, unknown> | undefined;
  const blocks: Block[] = [];
  const json: string[] = [];
  for (const { event, data } of events) {
    const d = data as Record<string, unknown>;
    if (d['type'] !== event)
      throw new Error(`event ${event} carries data of type ${String(d['type'])}`);
    switch (event) {
      case 'message_start':
        message = { ...(d['message'] as Record<string, unknown>) };
        break;
      case 'content_block_start':
        blocks[d['index'] as number] = { ...(d['content_block'] as Block) };
        json[d['index'] as number] = '';
        break;
      case 'content_block_delta': {
        const i = d['index'] as number;
        const block = blocks[i];
        const delta = d['delta'] as Record<string, string>;
        if (block === undefined) throw new Error(`delta for unopened block ${i}`);
        if (delta['type'] === 'text_delta')
          block['text'] = `${String(block['text'])}${delta['text']}`;
        else if (delta['type'] === 'thinking_delta')
          block['thinking'] = `${String(block['thinking'])}${delta['thinking']}`;
        else if (delta['type'] === 'signature_delta') block['signature'] = delta['signature'];
        else if (delta['type'] === 'input_json_delta')
          json[i] = `${json[i] ?? ''}${delta['partial_json']}`;
        else throw new Error(`unknown delta ${String(delta['type'])}`);
        break;
      }
      case 'content_block_stop': {
        const i = d['index'] as number;
        const block = blocks[i];
        if (block?.['type'] === 'tool_use') block['input'] = JSON.parse(json[i] || '{}') as unknown;
        break;
      }
      case 'message_delta': {
        if (message === undefined) throw new Error('message_delta before message_start');
        const delta = d['delta'] as Record<string, unknown>;
        message['stop_reason'] = delta['stop_reason'];
        message['stop_sequence'] = delta['stop_sequence'];
        message['usage'] = { ...(message['usage'] as object), ...(d['usage'] as object) };
        break;
      }
      case 'message_stop':
      case 'ping':
        break;
      default:
        throw new Error(`unknown event ${event}`);
    }
  }
  if (message === undefined) throw new Error('no message_start');
  return { ...message, content: blocks };
}
