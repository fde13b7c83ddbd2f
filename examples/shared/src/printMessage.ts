import type { SDKMessage, ToolResultBlock } from '@agentsdk/core';

const MAX = 160;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

// #region result-content
/** A tool result's text: built-in tools send a string, MCP tools an array of blocks. */
export function resultContent(block: ToolResultBlock): string {
  if (typeof block.content === 'string') return block.content;
  return (block.content ?? [])
    .map((part) => (part.type === 'text' ? part.text : `[${part.type}]`))
    .join(' ');
}
// #endregion result-content

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const sessionsSeen = new Set<string>();

// #region print-message
/** One line per interesting message: what the examples print while a session runs. */
export function printMessage(message: SDKMessage, log: (line: string) => void = console.log): void {
  switch (message.type) {
    case 'system':
      // The CLI sends `init` at the start of every turn; show each session once.
      if (message.subtype === 'init' && !sessionsSeen.has(message.session_id)) {
        sessionsSeen.add(message.session_id);
        log(`session › ${message.session_id} (${message.model})`);
      }
      break;
    case 'assistant': {
      // Subagent messages carry the id of the Agent tool call that started them: indent them.
      const sub = message.parent_tool_use_id ? '  ' : '';
      const cut = message.aborted ? ' [cut off]' : ''; // an interrupt ended this block early
      for (const block of message.message.content) {
        if (block.type === 'text')
          log(`${sub}${sub ? 'agent ' : 'claude'} › ${clip(block.text)}${cut}`);
        if (block.type === 'tool_use')
          log(`${sub}tool   › ${block.name} ${clip(JSON.stringify(block.input))}`);
      }
      break;
    }
    case 'user': {
      // The CLI echoes tool results back as user messages.
      if (typeof message.message.content === 'string') break;
      const sub = message.parent_tool_use_id ? '  ' : '';
      for (const block of message.message.content)
        if (block.type === 'tool_result')
          log(`${sub}${block.is_error ? 'error ' : 'output'} › ${clip(resultContent(block))}`);
      break;
    }
    case 'result': {
      // Check is_error, not subtype: a failed API call is `success` with is_error: true.
      const outcome = message.subtype === 'success' && message.is_error ? 'error' : message.subtype;
      const detail =
        message.subtype === 'success'
          ? message.is_error
            ? ` (${clip(message.result)})`
            : ''
          : message.errors
              .filter((e) => !e.startsWith('[ede_diagnostic]'))
              .map((e) => ` (${clip(e)})`)
              .join('');
      const turns = plural(message.num_turns, 'turn');
      // Why the loop stopped, when it is not the normal end: max_turns, hook_stopped, …
      const why =
        message.terminal_reason && message.terminal_reason !== 'completed'
          ? ` [${message.terminal_reason}]`
          : '';
      log(`result › ${outcome}${detail}, ${turns}, $${message.total_cost_usd.toFixed(5)}${why}`);
      break;
    }
  }
}
// #endregion print-message
