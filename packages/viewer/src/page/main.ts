import type { ViewData } from '../model/Timeline.js';
import { diffView } from './diffView.js';
import { h } from './dom.js';
import { summary, warnings } from './header.js';
import { timelineView, type TimelineView } from './timelineView.js';

/**
 * The page: reads the view data embedded in the HTML (`#agentsdk-data`), draws it, and in live
 * mode follows the server's event stream. Loads nothing from the network besides that stream.
 */
function main(): void {
  const app = document.getElementById('app') as HTMLElement;
  let data: ViewData;
  try {
    data = JSON.parse(document.getElementById('agentsdk-data')?.textContent ?? '') as ViewData;
  } catch (error) {
    data = { mode: 'error', title: 'The page has no session data', message: String(error) };
  }
  draw(app, data);
  // For benchmarks and curious users: when the first rows were on the page (ms since navigation).
  performance.mark('agentsdk-view-drawn');
}

function draw(app: HTMLElement, data: ViewData): void {
  app.replaceChildren();
  if (data.mode === 'error') {
    document.title = `${data.title} — agentsdk view`;
    app.append(
      h(
        'div.error-page',
        { role: 'alert' },
        h('h1', {}, data.title),
        h('pre.error-message', {}, data.message),
      ),
    );
    return;
  }
  if (data.mode === 'diff') {
    const { diff } = data;
    document.title = 'Diff — agentsdk view';
    const banner = diff.first
      ? h(
          'div.banner.diverge',
          { role: 'status', id: 'divergence' },
          h('strong', {}, 'First divergence: '),
          h('span', {}, diff.first.what),
          h(
            'div.versus',
            {},
            h('code.l', {}, diff.first.left ?? '(nothing)'),
            h('span', {}, ' vs '),
            h('code.r', {}, diff.first.right ?? '(nothing)'),
          ),
        )
      : h(
          'div.banner.same',
          { role: 'status', id: 'divergence' },
          'The two recordings do the same thing (ids and times aside).',
        );
    app.append(
      h('header', {}, h('div.diff-heads', {}, summary(diff.left), summary(diff.right)), banner),
    );
    const scroller = h('main.scroller.diff');
    app.append(scroller);
    diffView(scroller, diff);
    return;
  }
  const { timeline } = data;
  document.title = `${timeline.source.name ?? timeline.source.path.split(/[\\/]/).pop()} — agentsdk view`;
  const header = h('header', {}, summary(timeline, data.live), warnings(timeline));
  const scroller = h('main.scroller');
  app.append(header, scroller);
  const view: TimelineView = timelineView(scroller, timeline, data.live === true);
  if (data.live) follow(header, view);
}

/** Live mode: the server pushes the whole timeline again whenever the trace grows. */
function follow(header: HTMLElement, view: TimelineView): void {
  const events = new EventSource('events');
  events.addEventListener('timeline', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as ViewData;
    if (data.mode !== 'timeline') return;
    header.replaceChildren(summary(data.timeline, true), warnings(data.timeline) ?? '');
    view.update(data.timeline);
  });
  events.addEventListener('error', () => document.getElementById('live')?.classList.add('off'));
  events.addEventListener('open', () => document.getElementById('live')?.classList.remove('off'));
}

main();
