import { describe, expect, it } from 'vitest';
import { reinjectsOn } from '@/utils/delivery/reinject';

describe('injecting the content script again into open Partner Center tabs', () => {
  it('happens on our own install and update only, never on a browser or shared-module update', () => {
    expect(
      ['install', 'update', 'browser_update', 'shared_module_update', 'chrome_update'].filter(reinjectsOn),
    ).toEqual(['install', 'update']);
  });
});
