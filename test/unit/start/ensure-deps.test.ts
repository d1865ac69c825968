// scripts/ensure-deps.mjs, the pre-script of `npm start` and `npm test`: installs only when needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/ensure-deps.mjs');

/** A project folder with a lockfile written at `lockAt` and, when given, an install made at `installedAt`. */
function project(lockAt: Date, installedAt?: Date): string {
  const dir = mkdtempSync(join(tmpdir(), 'stactize-ensure-deps-'));
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  utimesSync(join(dir, 'package-lock.json'), lockAt, lockAt);
  if (installedAt) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), '{}');
    utimesSync(join(dir, 'node_modules/.package-lock.json'), installedAt, installedAt);
  }
  return dir;
}

const run = (cwd: string) =>
  execFileSync(process.execPath, [SCRIPT], {
    cwd,
    env: { ...process.env, STACTIZE_ENSURE_DEPS_DRY_RUN: '1' },
    encoding: 'utf8',
  });

describe('npm start / npm test on a fresh clone', () => {
  const earlier = new Date('2026-11-27T10:00:00Z');
  const later = new Date('2026-11-27T11:00:00Z');

  it('installs when nothing is installed yet', () => {
    expect(run(project(earlier))).toContain('npm ci');
  });

  it('installs again when the lockfile changed after the last install', () => {
    expect(run(project(later, earlier))).toContain('npm ci');
  });

  it('does nothing when the install is up to date', () => {
    expect(run(project(earlier, later))).toBe('');
  });
});
