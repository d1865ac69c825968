/**
 * The headless walk of `npm start` (scripts/walkthrough.ts), run against the e2e build: the harness's Chromium
 * context and sandbox, with the Partner Center simulator routed in. It must end with the sandbox holding the
 * simulator's key, verified, and a screenshot per step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { routeSimulator } from '../../sandbox/simulator/route';
import { createSimulator } from '../../sandbox/simulator/site';
import { walkThrough } from '../../scripts/walkthrough';
import { expect, test } from './harness/fixtures';

test('npm start --headless: the scripted walk from Partner Center home to a verified key', async ({
  context,
  sandbox,
}, testInfo) => {
  test.setTimeout(45_000);
  const simulator = createSimulator();
  await routeSimulator(context, simulator);
  const outDir = testInfo.outputPath('walkthrough');

  const result = await walkThrough({ context, sandbox, simulator, outDir, stepTimeoutMs: 15_000 });

  const failed = result.steps.find((step) => !step.ok);
  expect(failed, failed && `${failed.title}: ${failed.detail}`).toBeUndefined();
  expect(result.ok).toBe(true);
  expect(result.steps.map((step) => step.title)).toContain('Add new key: the key screen');
  for (const step of result.steps) expect(existsSync(resolve(outDir, step.screenshot ?? 'missing'))).toBe(true);

  const [key] = simulator.issuedKeys();
  expect(simulator.issuedKeys()).toHaveLength(1);
  expect(sandbox.admin.listCredentials()).toMatchObject([{ status: 'verified', secret: key }]);
  // The report describes the key; it never contains it.
  expect(readFileSync(result.reportFile, 'utf8')).not.toContain(key);
});
