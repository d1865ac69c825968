/**
 * Delivery (background only): the outbox of sealed captures and the deliver loop that takes them to the
 * Stactize Intake API (idempotent, with backoff and wake-up alarms), pairing, the connection status, the badge,
 * expiry reminders, and the handler of every admitted message (`handlers/`, one module per concern).
 */

export { clientInfo } from './client-info';
export { detached } from './detached';
export { createIntakeClient } from './intake-api';
export { reinjectIntoOpenTabs, reinjectsOn } from './reinject';
export { EXPIRY_NOTIFICATION_PREFIX } from './reminders';
export { type BackgroundService, createBackgroundService, type ServiceDeps } from './service';
export { closeLocalStorageToContentScripts } from './storage-access';
export { createWakeUp } from './wake';
