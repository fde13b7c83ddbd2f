import type { Timeline } from '../model/Timeline.js';
import { h } from './dom.js';
import { ms, tokens, usd } from './format.js';

const KIND_NAMES: Record<Timeline['source']['kind'], string> = {
  fixture: 'fixture',
  trace: 'trace',
  transcript: 'CLI transcript',
  platform: 'platform export',
};

/** Name, source and totals of one timeline. */
export function summary(timeline: Timeline, live = false): HTMLElement {
  const { totals, session, source } = timeline;
  const name = source.name ?? source.path.split(/[\\/]/).pop() ?? source.path;
  return h(
    'div.summary',
    {},
    h(
      'div.title-row',
      {},
      h('h1', { title: source.path }, name),
      h('span.badge', {}, KIND_NAMES[source.kind]),
      live ? h('span.badge.live', { id: 'live' }, '● live') : null,
    ),
    source.description ? h('p.description', {}, source.description) : null,
    h(
      'dl.totals',
      {},
      stat('turns', String(timeline.turns.length)),
      stat('tool calls', String(totals.toolCalls)),
      stat(
        'tokens in',
        tokens(totals.inputTokens + totals.cacheReadTokens + totals.cacheCreationTokens),
      ),
      stat('tokens out', tokens(totals.outputTokens)),
      stat('cost', usd(totals.costUsd) || '—'),
      stat('duration', ms(totals.durationMs) || '—'),
      stat('errors', String(totals.errors), totals.errors > 0 ? 'bad' : ''),
      session.model ? stat('model', session.model) : null,
      session.cliVersion ? stat('CLI', session.cliVersion) : null,
    ),
  );
}

function stat(name: string, value: string, tone = ''): HTMLElement {
  return h('div.stat', { class: tone }, h('dt', {}, name), h('dd', {}, value));
}

/** Warnings of the parser (a truncated file, unknown message kinds), first few shown. */
export function warnings(timeline: Timeline): HTMLElement | null {
  if (timeline.warnings.length === 0) return null;
  const shown = timeline.warnings.slice(0, 5);
  const more = timeline.warnings.length - shown.length;
  return h(
    'div.banner.warn',
    { role: 'status' },
    h(
      'strong',
      {},
      timeline.warnings.length === 1 ? 'Warning' : `${timeline.warnings.length} warnings`,
    ),
    h(
      'ul',
      {},
      ...shown.map((w) => h('li', {}, w)),
      more > 0 ? h('li', {}, `… and ${more} more`) : null,
    ),
  );
}
