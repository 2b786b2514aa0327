/** Polite, safe HTTP for transwire: the only module that reaches the outside world. */
export { createHttpClient, FetchAbortedError, type HttpClient, type HttpClientOptions, type GetOptions, type FetchResult } from './http-client.ts';
export { decodeBody } from '../shared/charsets.ts';
export { backoffDelay } from '../shared/backoff.ts';
export { parseRetryAfter } from '../shared/retry-after.ts';
export { createRobotsPolicy, productToken, type RobotsPolicy, type RobotsPolicyOptions } from './robots-policy.ts';
export { robotsTxt, isPathAllowed, type RobotsGroup, type RobotsRule } from './robots-txt.ts';
export { nextPollDelay, type PollInput, type PollDecision } from './next-poll-delay.ts';
export { addressGuard } from './address-guard.ts';
export { userAgent } from './user-agent.ts';
