/**
 * Bundles the page (src/page/main.ts and styles.css) into one self-contained HTML template,
 * dist/page.html: no external script, style, font or image. The server and `--out` fill in the
 * session data at the `<!--agentsdk-data-->` marker.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const dir = new URL('..', import.meta.url);
const result = await build({
  entryPoints: [new URL('src/page/main.ts', dir).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  write: false,
  legalComments: 'none',
});
const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
const css = readFileSync(new URL('src/page/styles.css', dir), 'utf8');
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:">
<title>agentsdk view</title>
<style>${css}</style>
</head>
<body>
<div id="app"></div>
<script id="agentsdk-data" type="application/json"><!--agentsdk-data--></script>
<script>${js}</script>
</body>
</html>
`;
mkdirSync(new URL('dist/', dir), { recursive: true });
writeFileSync(new URL('dist/page.html', dir), html);
process.stderr.write(`dist/page.html: ${(html.length / 1024).toFixed(1)} KiB\n`);
