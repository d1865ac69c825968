/** The messenger every context uses (@webext-core/messaging), silent: its default logger would print payloads. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './messages';

const silent = { debug() {}, log() {}, warn() {}, error() {} };

export const messenger = defineExtensionMessaging<ProtocolMap>({ logger: silent });
export const { sendMessage, onMessage } = messenger;
