/** Where the e2e build and its sandbox live; the build bakes in this API URL. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
// A helper running a second e2e run beside the first gives it another folder (and port).
export const E2E_OUT_DIR = resolve(ROOT, process.env.STACTIZE_E2E_OUT_DIR || '.output/e2e');
export const EXTENSION_DIR = resolve(E2E_OUT_DIR, 'chrome-mv3');
export const SANDBOX_PORT = Number(process.env.STACTIZE_E2E_SANDBOX_PORT || 18787);
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
