/** The web chat page: paste a token, start a session, chat over the WebSocket stream. */
export const CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>agentsdk platform</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 15px/1.4 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  #log { border: 1px solid #ccc; border-radius: 6px; padding: .5rem; height: 24rem; overflow-y: auto; white-space: pre-wrap; }
  .user { color: #0550ae; } .assistant { color: #1a7f37; } .meta { color: #777; font-size: 12px; } .error { color: #cf222e; }
  form { display: flex; gap: .5rem; margin-top: .5rem; } input[type=text] { flex: 1; }
</style>
</head>
<body>
<h1>agentsdk platform</h1>
<form id="auth"><input type="text" id="token" placeholder="Bearer token (JWT)" autocomplete="off"><button id="start">Start session</button></form>
<p class="meta">Session: <span id="session">none</span> · state: <span id="state">-</span> · cost: $<span id="cost">0</span></p>
<div id="log" aria-live="polite"></div>
<form id="chat"><input type="text" id="message" placeholder="Message" autocomplete="off" disabled><button id="send" disabled>Send</button></form>
<script type="module">
const $ = (id) => document.getElementById(id);
const FINAL = ['completed', 'error'];
// Event ids are per session; lastEventId is where a reconnect resumes the stream.
let ws, sessionId, token, state, lastEventId = 0, busy = false, gaveUp = false, retryMs = 1000, retryTimer;
const line = (cls, text) => { const div = document.createElement('div'); div.className = cls; div.textContent = text; $('log').append(div); $('log').scrollTop = 1e9; };
const errorText = (body, status) => body && body.error ? body.error.code + ': ' + body.error.message : 'error: HTTP ' + status;
const render = () => {
  const open = Boolean(sessionId) && !gaveUp && !FINAL.includes(state);
  $('message').disabled = !open; $('send').disabled = !open || busy;
};
function setState(next) {
  // running → anything else ends a turn; the state events are replayed after a reconnect, so
  // this also frees the Send button when the turn_outcome frame was lost with the socket.
  if (next === 'running') busy = true; else if (state === 'running') busy = false;
  state = next; $('state').textContent = next; render();
}
function connect() {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  const sock = new WebSocket(proto + '://' + location.host + '/api/sessions/' + encodeURIComponent(sessionId) + '/stream?token=' + encodeURIComponent(token) + '&lastEventId=' + lastEventId);
  let opened = false;
  ws = sock;
  sock.onopen = () => { opened = true; retryMs = 1000; };
  sock.onmessage = (e) => {
    if (ws !== sock) return;
    const f = JSON.parse(e.data);
    if (typeof f.id === 'number') { if (f.id <= lastEventId) return; lastEventId = f.id; }
    if (f.kind === 'user') line('user', 'you: ' + f.text);
    else if (f.kind === 'state') setState(f.state);
    else if (f.kind === 'retry') line('meta', 'retrying after API error ' + f.status);
    else if (f.kind === 'message' && f.message.type === 'assistant') {
      for (const b of f.message.message.content) if (b.type === 'text') line('assistant', 'agent: ' + b.text);
    } else if (f.kind === 'usage') {
      $('cost').textContent = String(Number((Number(f.sessionCostUsd) || 0).toPrecision(6))); // no float noise
    } else if (f.kind === 'message' && f.message.type === 'result') {
      if (f.message.is_error) line('error', 'error: ' + (f.message.result || f.message.subtype));
    } else if (f.kind === 'turn_outcome' || f.kind === 'error') {
      if (f.kind === 'error') line('error', errorText(f, 0));
      busy = false; render();
    }
  };
  sock.onclose = async (ev) => {
    if (ws !== sock) return; // replaced by a newer session's stream
    ws = undefined;
    if (state !== 'running') busy = false; // a chat frame lost with the socket never ran
    render();
    if (FINAL.includes(state)) return; // nothing more will be streamed
    if (ev.code === 4001) {
      line('error', 'Your token expired; paste a fresh one and start again (not reconnecting).');
      gaveUp = true; render();
      return;
    }
    if (!opened) {
      // The browser hides why an upgrade failed; the API tells whether retrying can help.
      const sid = sessionId;
      const res = await fetch('/api/sessions/' + encodeURIComponent(sid), { headers: { authorization: 'Bearer ' + token } }).catch(() => undefined);
      if (sid !== sessionId) return;
      if (res && [401, 403, 404].includes(res.status)) {
        line('error', errorText(await res.json().catch(() => undefined), res.status) + ' (not reconnecting)');
        gaveUp = true; render();
        return;
      }
    }
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 15000);
  };
}
$('auth').onsubmit = async (e) => {
  e.preventDefault();
  const candidate = $('token').value.trim();
  $('start').disabled = true;
  try {
    const res = await fetch('/api/sessions', { method: 'POST', headers: { authorization: 'Bearer ' + candidate, 'content-type': 'application/json' }, body: '{}' });
    const body = await res.json().catch(() => undefined);
    if (!res.ok) { line('error', errorText(body, res.status)); return; }
    // Leave the previous session's stream for good: its ids mean nothing for this one.
    const old = ws; ws = undefined; old?.close(); clearTimeout(retryTimer);
    token = candidate; sessionId = body.id; lastEventId = 0; busy = false; gaveUp = false; state = undefined; retryMs = 1000;
    $('session').textContent = sessionId; $('cost').textContent = '0';
    line('meta', 'session ' + sessionId);
    setState(body.state);
    connect();
  } catch (error) {
    line('error', 'error: ' + error.message);
  } finally {
    $('start').disabled = false;
  }
};
$('chat').onsubmit = (e) => {
  e.preventDefault();
  const message = $('message').value.trim();
  if (!message || busy) return;
  if (!ws || ws.readyState !== WebSocket.OPEN) { line('meta', 'not connected yet; try again in a moment'); return; }
  busy = true; render(); $('message').value = '';
  ws.send(JSON.stringify({ type: 'chat', message }));
};
</script>
</body>
</html>
`;
