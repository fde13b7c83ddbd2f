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
let ws, sessionId, lastEventId = 0, token;
const line = (cls, text) => { const div = document.createElement('div'); div.className = cls; div.textContent = text; $('log').append(div); $('log').scrollTop = 1e9; };
function connect() {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  ws = new WebSocket(proto + '://' + location.host + '/api/sessions/' + sessionId + '/stream?token=' + encodeURIComponent(token) + '&lastEventId=' + lastEventId);
  ws.onmessage = (e) => {
    const f = JSON.parse(e.data);
    if (typeof f.id === 'number') lastEventId = f.id;
    if (f.kind === 'user') line('user', 'you: ' + f.text);
    else if (f.kind === 'state') $('state').textContent = f.state;
    else if (f.kind === 'retry') line('meta', 'retrying after API error ' + f.status);
    else if (f.kind === 'message' && f.message.type === 'assistant') {
      for (const b of f.message.message.content) if (b.type === 'text') line('assistant', 'agent: ' + b.text);
    } else if (f.kind === 'message' && f.message.type === 'result') {
      $('cost').textContent = String(f.message.total_cost_usd);
      if (f.message.is_error) line('error', 'error: ' + (f.message.result || f.message.subtype));
    } else if (f.kind === 'turn_outcome') { $('send').disabled = false; }
    else if (f.kind === 'error') { line('error', f.error.code + ': ' + f.error.message); $('send').disabled = false; }
  };
  ws.onclose = () => { if (sessionId) setTimeout(connect, 1000); };
}
$('auth').onsubmit = async (e) => {
  e.preventDefault();
  token = $('token').value.trim();
  const res = await fetch('/api/sessions', { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: '{}' });
  const body = await res.json();
  if (!res.ok) { line('error', body.error.code + ': ' + body.error.message); return; }
  sessionId = body.id; $('session').textContent = sessionId; $('state').textContent = body.state;
  $('message').disabled = false; $('send').disabled = false;
  connect();
};
$('chat').onsubmit = (e) => {
  e.preventDefault();
  const message = $('message').value.trim();
  if (!message || !ws || ws.readyState !== 1) return;
  $('send').disabled = true; $('message').value = '';
  ws.send(JSON.stringify({ type: 'chat', message }));
};
</script>
</body>
</html>
`;
