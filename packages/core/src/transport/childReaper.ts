/**
 * Kills our CLI processes when the host process exits. `process.exit()` runs only synchronous
 * `exit` listeners — no timer fires, so a graceful SIGTERM → SIGKILL escalation cannot happen
 * there, and a CLI that ignores SIGTERM would outlive its host. SIGKILL is the only signal that
 * cannot be ignored; the CLI appends its transcript line by line, so nothing written is lost.
 *
 * One listener for all children, installed only while some are alive.
 */
interface Killable {
  readonly pid?: number | undefined;
  kill(signal: NodeJS.Signals): boolean;
}

const live = new Set<Killable>();

function killAll(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

/** Track a child until `release` is called (when it has exited). */
export function reapOnHostExit(child: Killable): () => void {
  if (live.size === 0) process.on('exit', killAll);
  live.add(child);
  return () => {
    if (!live.delete(child)) return;
    if (live.size === 0) process.off('exit', killAll);
  };
}

/** Children currently tracked (for tests). */
export function liveChildCount(): number {
  return live.size;
}
