/**
 * Protocol: every message between the extension's contexts (one map, with schemas and allowed senders), the
 * views they carry, the messenger, and the one trust gate that admits a message into the background.
 */
export * from './lifetime';
export * from './messages';
export * from './messaging';
export * from './popup-state';
export * from './trust-gate';
export * from './views';
