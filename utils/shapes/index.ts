/**
 * Shapes: facts about Partner Center and the contract that hold in every context and touch nothing: value shapes
 * (GUIDs, keys, compact JWEs, display dates), Partner Center's URLs, pairing codes and key-expiry arithmetic.
 */
export * from './expiry';
export * from './pairing-code';
export * from './urls';
export * from './values';
