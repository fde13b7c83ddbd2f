import { isAbsolute, relative, sep } from 'node:path';
import type {
  SessionKey,
  SessionStore,
  SessionStoreEntry,
  SessionStoreFlush,
} from './SessionStore.js';
import { isSafeSubpath } from './storeKeys.js';

/** Lines waiting in `'batched'` mode before a flush is started anyway. */
const BATCH_LINES = 100;
const ATTEMPTS = 3;
/** One `append()` may take this long; a timeout is not retried (the call may still land). */
export const APPEND_TIMEOUT_MS = 60_000;

export interface MirrorFailure {
  key: SessionKey | undefined;
  message: string;
}

/**
 * Copies the CLI's `transcript_mirror` frames (`--session-mirror`: one frame per local transcript
 * write, `{ filePath, entries }`) into a `SessionStore`, in order, a batch at a time. A failing
 * store never stops the session: after the retries the batch is dropped and `report` says so.
 */
export class TranscriptMirror {
  private pending: { key: SessionKey; entries: SessionStoreEntry[] }[] = [];
  private pendingLines = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly warnedPaths = new Set<string>();

  constructor(
    private readonly store: SessionStore,
    private readonly projectsDir: string,
    private readonly mode: SessionStoreFlush,
    private readonly report: (failure: MirrorFailure) => void,
    private readonly appendTimeoutMs = APPEND_TIMEOUT_MS,
  ) {}

  /** A `transcript_mirror` frame from the CLI's stdout. */
  enqueue(frame: Record<string, unknown>): void {
    const { filePath, entries } = frame;
    if (typeof filePath !== 'string' || !Array.isArray(entries)) {
      this.report({
        key: undefined,
        message: 'a transcript_mirror frame without filePath or entries was dropped',
      });
      return;
    }
    const key = this.keyOf(filePath);
    if (!key) return;
    const last = this.pending.at(-1);
    if (last && sameKey(last.key, key)) last.entries.push(...(entries as SessionStoreEntry[]));
    else this.pending.push({ key, entries: [...(entries as SessionStoreEntry[])] });
    this.pendingLines += entries.length;
    if (this.mode === 'eager' || this.pendingLines >= BATCH_LINES) void this.flush();
  }

  /** A turn ended: hand what is waiting to the store. */
  turnEnded(): void {
    if (this.pending.length) void this.flush();
  }

  /** Resolves once every frame received so far was appended (or reported as dropped). */
  flush(): Promise<void> {
    const batches = this.pending;
    this.pending = [];
    this.pendingLines = 0;
    this.chain = this.chain.then(async () => {
      for (const batch of batches) await this.append(batch.key, batch.entries);
    });
    return this.chain;
  }

  private async append(key: SessionKey, entries: SessionStoreEntry[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Through a promise, so a store that throws synchronously is retried like one that rejects.
      const work = Promise.resolve().then(() => this.store.append(key, entries));
      const outcome = await withTimeout(work, this.appendTimeoutMs);
      if (outcome.ok) return;
      if (outcome.timedOut || attempt === ATTEMPTS) {
        this.report({
          key,
          message: outcome.timedOut
            ? `SessionStore.append() did not settle within ${this.appendTimeoutMs} ms; ${entries.length} line(s) may be missing from the store`
            : `SessionStore.append() failed ${ATTEMPTS} times (${describe(outcome.error)}); ${entries.length} line(s) were not stored`,
        });
        return;
      }
    }
  }

  private keyOf(filePath: string): SessionKey | undefined {
    const rel = relative(this.projectsDir, filePath);
    const parts = rel.split(sep);
    const file = parts.at(-1) ?? '';
    if (rel.startsWith('..') || isAbsolute(rel) || parts.length < 2 || !file.endsWith('.jsonl')) {
      if (!this.warnedPaths.has(filePath)) {
        this.warnedPaths.add(filePath);
        this.report({
          key: undefined,
          message: `the CLI wrote ${filePath}, outside ${this.projectsDir}: not mirrored (set CLAUDE_CONFIG_DIR through options.env so both agree)`,
        });
      }
      return undefined;
    }
    const [projectKey = '', sessionFolder = ''] = parts;
    if (parts.length === 2)
      return { projectKey, sessionId: sessionFolder.slice(0, -'.jsonl'.length) };
    const subpath = parts.slice(2).join('/').slice(0, -'.jsonl'.length);
    return isSafeSubpath(subpath) ? { projectKey, sessionId: sessionFolder, subpath } : undefined;
  }
}

function sameKey(a: SessionKey, b: SessionKey): boolean {
  return a.projectKey === b.projectKey && a.sessionId === b.sessionId && a.subpath === b.subpath;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Outcome = { ok: true } | { ok: false; timedOut: boolean; error?: unknown };

async function withTimeout(work: Promise<void>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, timedOut: true }), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        (): Outcome => ({ ok: true }),
        (error: unknown): Outcome => ({ ok: false, timedOut: false, error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
