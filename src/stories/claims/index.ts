export type { ClaimSource, ClaimValue, Disagreement } from './claim-types.ts';
export { findDisagreements } from './find-disagreements.ts';
