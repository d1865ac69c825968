// `npm start` and `npm test` on a fresh clone (their pre-scripts): installs the locked dependencies with `npm ci`
// when node_modules is missing or older than package-lock.json, so the quick start is those two commands.
// Plain Node on purpose: it runs before anything is installed. STACTIZE_ENSURE_DEPS_DRY_RUN=1 only says what
// it would do (for its test).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const LOCK = 'package-lock.json';
const INSTALLED = 'node_modules/.package-lock.json'; // npm writes it on every install

const stale = !existsSync(INSTALLED) || (existsSync(LOCK) && statSync(LOCK).mtimeMs > statSync(INSTALLED).mtimeMs);
if (!stale) process.exit(0);
console.info('Installing the locked dependencies first (npm ci)…');
if (process.env.STACTIZE_ENSURE_DEPS_DRY_RUN !== '1') execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
