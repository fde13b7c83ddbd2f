import { randomUUID } from 'node:crypto';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Config the CLI reads from a file instead of argv (`--mcp-config`, `--settings`): argv is
 * visible to every user of the machine (`ps`) and size-limited, and MCP server configs carry
 * tokens and env secrets. Paths are known up front; the files are written only when the process
 * starts (`materialize`), into a new 0700 directory as 0600 files, and removed when it exits.
 */
export class PrivateFiles {
  /** Written and not yet removed; a host that exits without closing still removes them. */
  private static readonly live = new Set<PrivateFiles>();
  private static hooked = false;

  /** Where the files go; it exists only between `materialize` and `remove`. */
  readonly dir = join(tmpdir(), `agentsdk-${randomUUID()}`);
  private readonly files = new Map<string, string>();
  private written = false;

  /** The path `content` will have once materialized. */
  add(name: string, content: string): string {
    const path = join(this.dir, `${name}.json`);
    this.files.set(path, content);
    return path;
  }

  /** Writes the files; the child's uid/gid, when it runs as another user, must read them. */
  materialize(owner?: { uid?: number | undefined; gid?: number | undefined }): void {
    if (this.files.size === 0 || this.written) return;
    // A fresh, unguessable name and `recursive: false`: fails rather than reuse a directory
    // someone else created.
    mkdirSync(this.dir, { mode: 0o700 });
    this.written = true;
    PrivateFiles.live.add(this);
    if (!PrivateFiles.hooked) {
      PrivateFiles.hooked = true; // one listener per process, not one per session
      process.once('exit', () => {
        for (const files of PrivateFiles.live) files.remove();
      });
    }
    const chown = (path: string): void => {
      if (owner?.uid !== undefined || owner?.gid !== undefined) {
        chownSync(path, owner.uid ?? -1, owner.gid ?? -1);
      }
    };
    chown(this.dir);
    for (const [path, content] of this.files) {
      writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
      chown(path);
    }
  }

  remove(): void {
    if (!this.written) return;
    this.written = false;
    PrivateFiles.live.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
