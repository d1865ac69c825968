import { describe, expect, it } from 'vitest';
import { hasDisplay, parseArgs } from '../../../scripts/lib/args';
import { StartError } from '../../../scripts/lib/errors';

const DISPLAY = { DISPLAY: ':0' };

describe('npm start arguments', () => {
  it('runs headed with a display, and the defaults', () => {
    expect(parseArgs([], DISPLAY)).toEqual({
      help: false,
      headless: false,
      headlessReason: null,
      outDir: 'walkthrough',
      port: 8787,
    });
    expect(parseArgs([], { WAYLAND_DISPLAY: 'wayland-0' }).headless).toBe(false);
  });

  it('runs headless without a display, or with --headless', () => {
    expect(parseArgs([], {})).toMatchObject({ headless: true, headlessReason: 'no-display' });
    expect(parseArgs([], { DISPLAY: '  ' })).toMatchObject({ headless: true, headlessReason: 'no-display' });
    expect(parseArgs(['--headless'], DISPLAY)).toMatchObject({ headless: true, headlessReason: 'flag' });
    expect(hasDisplay({})).toBe(false);
  });

  it('takes --out and --port with a space or an equals sign', () => {
    expect(parseArgs(['--out', 'tmp/walk', '--port', '9999'], {})).toMatchObject({ outDir: 'tmp/walk', port: 9999 });
    expect(parseArgs(['--out=elsewhere', '--port=8788'], {})).toMatchObject({ outDir: 'elsewhere', port: 8788 });
    expect(parseArgs(['--help'], {}).help).toBe(true);
    expect(parseArgs(['-h'], {}).help).toBe(true);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '0']],
    [['--port=70000']],
    [['--port']],
    [['--out']],
    [['--out', '--headless']],
    [['--headles']],
    [['walkthrough']],
    [['--headless=yes']],
  ])('refuses %j with a usage error (exit 2), not a stack trace', (argv) => {
    let caught: unknown;
    try {
      parseArgs(argv, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StartError);
    expect((caught as StartError).exitCode).toBe(2);
    expect((caught as StartError).message).not.toContain('\n');
  });
});
