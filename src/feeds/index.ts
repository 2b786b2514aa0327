export { parseFeed, type ParseFeedOptions } from './parse-feed.ts';
export { parseDate } from './parse-date.ts';
