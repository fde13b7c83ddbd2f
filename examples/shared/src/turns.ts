import type { ModelTurn } from '@agentsdk/testing';

/** A scripted model turn that answers with text. */
export function say(text: string): ModelTurn {
  return { content: [{ type: 'text', text }] };
}

/** A scripted model turn that calls one tool (optionally after some text). */
export function useTool(
  name: string,
  input: Record<string, unknown>,
  options: { id?: string; text?: string } = {},
): ModelTurn {
  return {
    content: [
      ...(options.text ? [{ type: 'text' as const, text: options.text }] : []),
      { type: 'tool_use', name, input, ...(options.id ? { id: options.id } : {}) },
    ],
  };
}
