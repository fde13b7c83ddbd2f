import type { Row } from '../model/rows.js';
import type { Step, ToolStep } from '../model/Timeline.js';
import { h } from './dom.js';
import { inputSummary, ms, offset, oneLine, pretty, tokens, usd } from './format.js';

/** What a row needs from the view around it: open/closed state and how to toggle it. */
export interface RowState {
  isOpen(key: string): boolean;
  toggle(key: string): void;
  /** Whether a tool's subagent rows are shown. */
  isUnfolded(toolId: string): boolean;
  toggleFold(toolId: string): void;
}

/** The element of one row of the timeline (a turn header or a step). */
export function renderRow(row: Row, key: string, state: RowState): HTMLElement {
  const step = row.step;
  if (step.kind === 'turn') {
    const t = step.turn;
    return h(
      'div.turn-head',
      { 'data-kind': 'turn' },
      h('span.turn-title', {}, `Turn ${t.index + 1}`),
      h(
        'span.turn-meta',
        {},
        [
          ms(t.durationMs),
          `${tokens(t.usage.inputTokens)} in · ${tokens(t.usage.outputTokens)} out`,
          t.usage.cacheReadTokens ? `${tokens(t.usage.cacheReadTokens)} cached` : '',
          usd(t.costUsd),
        ]
          .filter(Boolean)
          .join('  ·  '),
      ),
    );
  }
  const el = h(
    'div.step',
    { 'data-kind': step.kind, style: `--depth:${row.depth}` },
    h('span.time', { title: step.line ? `line ${step.line}` : '' }, offset(step.t)),
    body(step, key, state),
  );
  if (row.depth > 0) el.classList.add('nested');
  return el;
}

function body(step: Step, key: string, state: RowState): HTMLElement {
  switch (step.kind) {
    case 'user':
      return h('div.card.user', {}, label('You'), h('div.text', {}, step.text));
    case 'text':
      return h('div.card.assistant', {}, label('Claude'), h('div.text', {}, step.text));
    case 'thinking':
      return expandable(
        key,
        state,
        'div.card.thinking',
        label('Thinking'),
        h('div.text.clamp', {}, step.text),
        h('div.text', {}, step.text),
      );
    case 'tool':
      return tool(step, key, state);
    case 'permission': {
      const denied = step.decision === 'deny';
      return h(
        'div.line.permission',
        {},
        label('Permission'),
        h('span.name', {}, step.tool),
        pill(
          step.decision === 'unanswered' ? 'unanswered' : denied ? 'denied' : 'allowed',
          denied ? 'bad' : step.decision === 'allow' ? 'good' : 'muted',
        ),
        step.message ? h('span.detail', {}, step.message) : null,
        step.updatedInput !== undefined
          ? h('span.detail', {}, `input rewritten: ${oneLine(step.updatedInput, 100)}`)
          : null,
      );
    }
    case 'hook':
      return expandable(
        key,
        state,
        'div.line.hook',
        h(
          'span.summary',
          {},
          label('Hook'),
          h('span.name', {}, step.event),
          h('span.detail', {}, oneLine(hookSummary(step.output), 110)),
        ),
        null,
        h('pre.json', {}, pretty(step.output)),
      );
    case 'mcp':
      return expandable(
        key,
        state,
        'div.line.mcp',
        h(
          'span.summary',
          {},
          label('MCP'),
          h('span.name', {}, `${step.server} · ${step.method}`),
          step.error ? pill('error', 'bad') : null,
          h('span.detail', {}, oneLine(step.error ?? mcpText(step.result), 100)),
          step.durationMs !== undefined ? h('span.dur', {}, ms(step.durationMs)) : null,
        ),
        null,
        h(
          'div.io',
          {},
          section('Params', step.params),
          section(step.error ? 'Error' : 'Result', step.error ?? step.result),
        ),
      );
    case 'retry':
      return h(
        'div.line.retry',
        {},
        label('API retry'),
        h(
          'span.name',
          {},
          [
            step.attempt !== undefined
              ? `attempt ${step.attempt}${step.maxRetries ? ` of ${step.maxRetries}` : ''}`
              : '',
            step.status ? `HTTP ${step.status}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        h(
          'span.detail',
          {},
          [step.error, step.delayMs !== undefined ? `retry in ${ms(step.delayMs)}` : '']
            .filter(Boolean)
            .join(' — '),
        ),
      );
    case 'error':
      return h('div.line.error', {}, label('Error'), h('span.detail', {}, step.message));
    case 'system':
      return h(
        'div.line.system',
        {},
        label(step.subtype === 'user' ? 'Subagent prompt' : step.subtype),
        h('span.detail', {}, oneLine(step.text, 300)),
      );
    case 'result':
      return h(
        'div.card.result',
        { class: step.isError ? 'bad' : '' },
        h(
          'div.result-head',
          {},
          label('Result'),
          pill(step.subtype, step.isError ? 'bad' : 'good'),
          h(
            'span.detail',
            {},
            [
              step.numTurns !== undefined ? `${step.numTurns} model turns` : '',
              ms(step.durationMs),
              usd(step.costUsd),
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
        step.text ? h('div.text', {}, step.text) : null,
      );
    case 'unknown':
      return expandable(
        key,
        state,
        'div.line.unknown',
        h(
          'span.summary',
          {},
          label('Unknown'),
          h('span.name', {}, step.label),
          h('span.detail', {}, 'a message kind this viewer does not know — shown as recorded'),
        ),
        null,
        h('pre.json', {}, pretty(step.raw)),
      );
  }
}

function tool(step: ToolStep, key: string, state: RowState): HTMLElement {
  const denied = step.control.some((c) => c.kind === 'permission' && c.decision === 'deny');
  const status =
    step.output === undefined
      ? pill('no result', 'muted')
      : denied
        ? pill('denied', 'bad')
        : step.isError
          ? pill('error', 'bad')
          : pill('ok', 'good');
  const subagent = step.children.length > 0;
  const open = state.isOpen(key);
  const card = h(
    'div.card.tool',
    { class: open ? 'open' : '' },
    h(
      'button.tool-head',
      {
        type: 'button',
        'aria-expanded': open ? 'true' : 'false',
        onclick: () => state.toggle(key),
      },
      h('span.chev', {}, open ? '▾' : '▸'),
      h('span.name', {}, step.name),
      h('span.detail', {}, inputSummary(step.input)),
      status,
      step.durationMs !== undefined ? h('span.dur', {}, ms(step.durationMs)) : null,
    ),
    open
      ? h(
          'div.io',
          {},
          section('Input', step.input),
          section(
            step.isError ? 'Output (error)' : 'Output',
            step.output ?? '(no result recorded)',
          ),
        )
      : step.output !== undefined
        ? h('div.preview', { class: step.isError ? 'bad' : '' }, `→ ${oneLine(step.output, 160)}`)
        : null,
  );
  if (subagent) {
    const unfolded = state.isUnfolded(step.id);
    card.append(
      h(
        'button.fold',
        {
          type: 'button',
          'aria-expanded': unfolded ? 'true' : 'false',
          onclick: () => state.toggleFold(step.id),
        },
        `${unfolded ? '▾ Hide' : '▸ Show'} subagent (${step.children.length} step${step.children.length === 1 ? '' : 's'})`,
      ),
    );
  }
  return card;
}

function expandable(
  key: string,
  state: RowState,
  tag: string,
  head: HTMLElement,
  closed: HTMLElement | null,
  opened: HTMLElement,
): HTMLElement {
  const open = state.isOpen(key);
  return h(
    tag,
    {
      class: `expandable${open ? ' open' : ''}`,
      onclick: (e: Event) => {
        if ((e.target as HTMLElement).closest('.io, pre')) return;
        state.toggle(key);
      },
    },
    head,
    open ? opened : closed,
  );
}

function section(title: string, value: unknown): HTMLElement {
  return h('div.section', {}, h('div.section-title', {}, title), h('pre.json', {}, pretty(value)));
}

function label(text: string): HTMLElement {
  return h('span.label', {}, text);
}

function pill(text: string, tone: 'good' | 'bad' | 'muted'): HTMLElement {
  return h(`span.pill.${tone}`, {}, text);
}

function hookSummary(output: unknown): unknown {
  if (output && typeof output === 'object') {
    const o = output as Record<string, unknown>;
    const specific = o['hookSpecificOutput'] as Record<string, unknown> | undefined;
    if (specific) {
      const { hookEventName: _event, ...rest } = specific;
      return Object.entries(rest)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' · ');
    }
    if (Object.keys(o).length === 0) return '(no output: continue)';
  }
  return output ?? '(no answer)';
}

function mcpText(result: unknown): unknown {
  const content = (result as { content?: Array<{ type?: string; text?: string }> } | undefined)
    ?.content;
  if (Array.isArray(content) && content.every((c) => c.type === 'text'))
    return content.map((c) => c.text).join('\n');
  return result;
}
