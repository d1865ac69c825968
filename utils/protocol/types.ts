/** The protocol's types, for type-only imports from code the protocol itself builds on (storage.ts). */
export type { GuideName, InboundData, InboundType, ProtocolMap, SenderKind } from './messages';
export type { AccountView, CaptureView, ClaimOutcome, PopupState, StoreOutcome, StoreRefusal } from './views';
