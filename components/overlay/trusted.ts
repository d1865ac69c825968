/**
 * The overlay's shadow root is open, so page script can reach its controls and fire events at them: a
 * `click()`, a dispatched `submit`, a value typed by script. Every handler of the overlay goes through this,
 * so only what the user did (an event the browser made, `isTrusted`) does anything.
 */
export function trusted<E extends { isTrusted: boolean }>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
