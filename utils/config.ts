/**
 * The build-time configuration as the running extension sees it. Values are validated by
 * `config/build-config.ts` when building and baked in by `wxt.config.ts`; nothing here reads the network.
 */
import type { SealingPublicJwk } from '../config/build-config';

declare const __STACTIZE_API_URL__: string;
declare const __STACTIZE_SEALING_KEY__: SealingPublicJwk;
declare const __STACTIZE_SANDBOX__: boolean;

export const config = {
  apiUrl: typeof __STACTIZE_API_URL__ === 'string' ? __STACTIZE_API_URL__ : 'http://127.0.0.1:8787',
  sealingKey: (typeof __STACTIZE_SEALING_KEY__ === 'object'
    ? __STACTIZE_SEALING_KEY__
    : null) as SealingPublicJwk | null,
  sandbox: typeof __STACTIZE_SANDBOX__ === 'boolean' ? __STACTIZE_SANDBOX__ : true,
} as const;

export const CLIENT_NAME = 'stactize-partner-center-companion';
