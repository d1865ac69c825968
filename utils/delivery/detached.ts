/**
 * Work the background starts and does not wait for (a badge, an alarm, a tab, a notification, a resume). Its
 * failure has nowhere to go: the browser is shutting down, the tab is gone, or the worker is being stopped; what
 * matters is already in storage and the next worker start picks it up. Caught, so it is never an unhandled
 * rejection in the worker's console.
 */
export function detached(task: Promise<unknown> | undefined): void {
  task?.catch(() => undefined);
}
