/**
 * The vault (content script only): where a key shown on the key screen becomes a sealed capture. The reading
 * handed to capture, the capture controller, sealing to Stactize's public key (jose), and the own-realm shims
 * Firefox content scripts need. The key exists in clear only here, and only for as long as sealing takes.
 */
export {
  type CaptureController,
  type CaptureReading,
  type CaptureState,
  type ClientIdChoice,
  createCaptureController,
} from './capture';
export { createOverlayStore, listedExpiryFor, readingFor, type TenantChoice } from './reading';
