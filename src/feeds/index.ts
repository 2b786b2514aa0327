export { parseFeed, type ParseFeedOptions } from './parse-feed.ts';
export { parseDate } from '../shared/dates.ts';
export { parseOpml, buildOpml, type OpmlOutline } from './opml.ts';
export { discoverFeeds, type FeedCandidate } from './discover-feeds.ts';
export { looksLikeFeed } from './looks-like-feed.ts';
export { parseLinkHeader, type HeaderLink } from './websub/link-header.ts';
export {
  buildSubscribeForm,
  discoverWebSub,
  generateSecret,
  leaseRenewAt,
  sameSecret,
  sendSubscription,
  signBody,
  verifyIntent,
  verifySignature,
  type AskedIntent,
  type IntentResult,
  type SubscribeRequest,
} from './websub/websub.ts';
