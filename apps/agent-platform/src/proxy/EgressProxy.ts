import { rmSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { lookup } from 'node:dns/promises';
import { BlockList, connect, isIP, type Socket } from 'node:net';
import { join } from 'node:path';

/**
 * `host` or `host:port` entries; `*.example.com` matches subdomains. Without a port only 443 and
 * 80 are allowed.
 */
export type EgressAllowlist = readonly string[];

export function isAllowed(allow: EgressAllowlist, host: string, port: number): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allow.some((entry) => {
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase());
    const pattern = match?.[1] ?? '';
    const wanted = match?.[2] === undefined ? [80, 443] : [Number(match[2])];
    if (!wanted.includes(port)) return false;
    if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
    return name === pattern;
  });
}

/** This machine's and private networks' addresses: an allowed hostname never reaches them. */
const INTERNAL = new BlockList();
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('100.64.0.0', 10, 'ipv4');
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');

/**
 * The address to connect to for an allowed host. A literal IP on the list is used as written
 * (the operator named it); a name is resolved once, here, and refused (undefined) when it
 * resolves to an internal address — else a tenant who controls an allowed domain's DNS could
 * point it at the server's own loopback ports. Connecting to the checked address leaves no
 * second lookup to rebind.
 */
export async function resolveAllowed(host: string): Promise<string | undefined> {
  const name = host.replace(/^\[|\]$/g, '');
  if (isIP(name)) return name;
  const { address } = await lookup(name);
  const plain = address.replace(/^::ffff:/i, '');
  return INTERNAL.check(plain, isIP(plain) === 4 ? 'ipv4' : 'ipv6') ? undefined : plain;
}

const INTERNAL_ANSWER = 'The host resolves to an internal address.\n';

/**
 * A tenant's way out of its sandbox, when the operator allows one: an HTTP proxy (CONNECT for
 * TLS, absolute URIs for plain HTTP) on the session's `egress.sock`, which opens connections
 * only to the tenant's allowlist and answers 403 to anything else. A sandbox without an
 * allowlist gets no socket at all.
 */
export async function startEgressProxy(
  socketDir: string,
  allow: EgressAllowlist,
  log: (line: string) => void = () => undefined,
): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => forwardHttp(req, res, allow, log));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host = '', portText = '443'] = splitHostPort(req.url ?? '');
    const port = Number(portText);
    if (!isAllowed(allow, host, port)) {
      log(`[egress] refused CONNECT ${host}:${port}`);
      client.end(
        "HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nNot on this tenant's egress allowlist.\n",
      );
      return;
    }
    resolveAllowed(host).then(
      (address) => {
        if (!address) {
          log(`[egress] refused CONNECT ${host}:${port}: an internal address`);
          client.end(
            `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\n${INTERNAL_ANSWER}`,
          );
          return;
        }
        const upstream = connect(port, address, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          if (head.length) upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
      },
      () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'),
    );
  });
  const path = join(socketDir, 'egress.sock');
  rmSync(path, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

function forwardHttp(
  req: IncomingMessage,
  res: ServerResponse,
  allow: EgressAllowlist,
  log: (line: string) => void,
): void {
  let target: URL;
  try {
    target = new URL(req.url ?? '');
  } catch {
    res.writeHead(400).end('A proxy request needs an absolute URL.\n');
    return;
  }
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (target.protocol !== 'http:' || !isAllowed(allow, target.hostname, port)) {
    log(`[egress] refused ${req.method ?? 'GET'} ${target.host}`);
    res
      .writeHead(403, { 'content-type': 'text/plain' })
      .end("Not on this tenant's egress allowlist.\n");
    return;
  }
  resolveAllowed(target.hostname).then(
    (address) => {
      if (!address) {
        log(`[egress] refused ${req.method ?? 'GET'} ${target.host}: an internal address`);
        res.writeHead(403, { 'content-type': 'text/plain' }).end(INTERNAL_ANSWER);
        return;
      }
      const upstream = request(
        {
          host: address,
          port,
          method: req.method,
          path: target.pathname + target.search,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end('The upstream could not be reached.\n'));
      req.pipe(upstream);
    },
    () => res.writeHead(502).end('The host could not be resolved.\n'),
  );
}

function splitHostPort(authority: string): [string, string] {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(authority);
  return [match?.[1] ?? '', match?.[2] ?? '443'];
}
