import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ViewerError } from '../errors/ViewerError.js';
import type { ViewData } from '../model/Timeline.js';

const MARKER = '<!--agentsdk-data-->';
let template: string | undefined;

/** The built page (dist/page.html): beside the compiled code, or in dist/ when run from src/. */
function pageTemplate(): string {
  if (template) return template;
  for (const candidate of ['../page.html', '../../dist/page.html']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) {
      template = readFileSync(path, 'utf8');
      return template;
    }
  }
  throw new ViewerError(
    'PAGE_MISSING',
    '@agentsdk/viewer has no dist/page.html: the package was not built. Run its build (pnpm --filter @agentsdk/viewer build).',
  );
}

/**
 * One self-contained HTML document showing `data`: the page's script and styles are inline and
 * it loads nothing from the network (a static `--out` report, or what the local server sends).
 */
export function renderHtml(data: ViewData): string {
  // `<` escaped so no string in the data can close the script element.
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const page = pageTemplate();
  const at = page.indexOf(MARKER);
  return page.slice(0, at) + json + page.slice(at + MARKER.length);
}
