/**
 * Waking the background at a time: an alarm, which survives the worker being stopped, and while the worker
 * lives a timer for waits shorter than Chrome's alarm floor (alarms fire no sooner than 30 s after they are set).
 */
import { browser } from '#imports';
import { detached } from './detached';

export const ALARM_FLOOR_MS = 30_000;

/** One pending wake-up under `name`: each call replaces the last; null clears it. */
export function createWakeUp(name: string, wake: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (at: number | null): void => {
    clearTimeout(timer);
    if (at === null) {
      detached(browser.alarms.clear(name));
      return;
    }
    detached(browser.alarms.create(name, { when: Math.max(at, Date.now() + 1000) }));
    const wait = at - Date.now();
    if (wait < ALARM_FLOOR_MS) timer = setTimeout(wake, Math.max(wait, 0));
  };
}
