/**
 * The model API's loopback address inside a sandbox: its own, so that `NO_PROXY` can exempt
 * exactly it while everything else a tenant reaches goes through its egress proxy.
 */
export const SANDBOX_MODEL_HOST = '127.0.0.2';

/**
 * The first process inside a sandbox with its own network: it bridges the loopback ports the
 * CLI uses to the host's Unix sockets with `socat`, waits until the model port accepts (a
 * bounded wait for that event, not a sleep), then becomes the CLI (`exec "$@"`).
 */
export function bridgeScript(socketDir: string, modelPort: number, egressPort?: number): string {
  const bridge = (host: string, port: number, socket: string) =>
    `socat TCP-LISTEN:${port},bind=${host},fork,reuseaddr UNIX-CONNECT:${socketDir}/${socket} &`;
  return [
    'set -e',
    bridge(SANDBOX_MODEL_HOST, modelPort, 'model.sock'),
    ...(egressPort === undefined ? [] : [bridge('127.0.0.1', egressPort, 'egress.sock')]),
    'n=0',
    `until (exec 3<>/dev/tcp/${SANDBOX_MODEL_HOST}/${modelPort}) 2>/dev/null; do`,
    '  n=$((n+1))',
    '  if [ "$n" -gt 1000 ]; then echo "sandbox: the model API bridge did not start" >&2; exit 97; fi',
    '  sleep 0.005',
    'done',
    'exec "$@"',
  ].join('\n');
}
