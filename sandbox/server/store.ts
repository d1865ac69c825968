// Persistence: the whole sandbox state as one JSON file, rewritten atomically (temp file + rename) on every change.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreData } from './types';

export const STATE_FILE = 'sandbox-state.json';

function empty(): StoreData {
  return { version: 1, codes: [], pairings: [], credentials: [], submissions: {} };
}

export class Store {
  data: StoreData;
  readonly file: string | null;
  private closed = false;
  private tempCounter = 0;

  /** Without a dataDir the state lives in memory only. */
  constructor(dataDir?: string) {
    this.file = dataDir ? join(dataDir, STATE_FILE) : null;
    this.data = this.load();
  }

  private load(): StoreData {
    if (!this.file || !existsSync(this.file)) return empty();
    // A corrupt file is an error, not a reason to silently start empty and overwrite it.
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as StoreData;
    if (parsed?.version !== 1) throw new Error(`${this.file}: unsupported sandbox state version`);
    return { ...empty(), ...parsed };
  }

  save(): void {
    if (!this.file || this.closed) return;
    mkdirSync(join(this.file, '..'), { recursive: true });
    const temp = `${this.file}.${process.pid}.${++this.tempCounter}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }

  reset(): void {
    this.data = empty();
    this.save();
  }

  /** After close, late work (a delayed request, a timer) must not write into a directory a test may have removed. */
  close(): void {
    this.closed = true;
  }
}
