// Injected faults for the next N POST /v1/credentials requests, consumed first in, first out.
import type { Fault } from './types';

type Queued = Fault & { remaining: number };

export class FaultQueue {
  private queue: Queued[] = [];
  private held: Array<() => void> = [];

  add(fault: Fault): void {
    this.queue.push({ ...fault, remaining: Math.max(1, Math.floor(fault.count ?? 1)) });
  }

  /** Takes the fault that applies to the request being handled now, if any. */
  take(): Fault | null {
    const head = this.queue[0];
    if (!head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) this.queue.shift();
    const { remaining: _remaining, ...fault } = head;
    return fault;
  }

  pending(): Array<Fault & { remaining: number }> {
    return this.queue.map((fault) => ({ ...fault }));
  }

  /** Forgets the queued faults and lets held requests go on. */
  clear(): void {
    this.queue = [];
    this.release();
  }

  /** A `hold` fault: the request waits here, already marked in progress, until release() (or the server closes). */
  waitForRelease(shutdown: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(new Error('server closing'));
      if (shutdown.aborted) return onAbort();
      shutdown.addEventListener('abort', onAbort, { once: true });
      this.held.push(() => {
        shutdown.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** How many requests a `hold` fault is holding now. */
  heldCount(): number {
    return this.held.length;
  }

  /** Lets every held request go on; answers how many there were. */
  release(): number {
    const held = this.held.splice(0);
    for (const go of held) go();
    return held.length;
  }
}

export function validateFault(value: unknown): Fault {
  const fault = value as Partial<Fault> & Record<string, unknown>;
  const count = fault?.count;
  if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1)) {
    throw new Error('count must be an integer ≥ 1');
  }
  switch (fault?.kind) {
    case 'status':
      if (fault.status !== 500 && fault.status !== 503) throw new Error('status must be 500 or 503');
      return fault as Fault;
    case 'rate_limit':
      if (!Number.isInteger(fault.retryAfter) || (fault.retryAfter as number) < 0) {
        throw new Error('retryAfter must be an integer ≥ 0 (seconds)');
      }
      return fault as Fault;
    case 'delay':
      if (!Number.isInteger(fault.ms) || (fault.ms as number) < 0) throw new Error('ms must be an integer ≥ 0');
      return fault as Fault;
    case 'hold':
    case 'reset':
    case 'close_after_processing':
      return fault as Fault;
    default:
      throw new Error('kind must be one of status, rate_limit, delay, hold, reset, close_after_processing');
  }
}
