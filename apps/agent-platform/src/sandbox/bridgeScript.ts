/**
 * The first process inside a sandbox with its own network: it bridges the loopback ports the
 * CLI uses to the host's Unix sockets with `socat`, waits until the model port accepts (a
 * bounded wait for that event, not a sleep), then becomes the CLI (`exec "$@"`).
 */
export function bridgeScript(socketDir: string, modelPort: number, egressPort?: number): string {
  const bridge = (port: number, socket: string) =>
    `socat TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:${socketDir}/${socket} &`;
  return [
    'set -e',
    bridge(modelPort, 'model.sock'),
    ...(egressPort === undefined ? [] : [bridge(egressPort, 'egress.sock')]),
    'n=0',
    `until (exec 3<>/dev/tcp/127.0.0.1/${modelPort}) 2>/dev/null; do`,
    '  n=$((n+1))',
    '  if [ "$n" -gt 1000 ]; then echo "sandbox: the model API bridge did not start" >&2; exit 97; fi',
    '  sleep 0.005',
    'done',
    'exec "$@"',
  ].join('\n');
}
