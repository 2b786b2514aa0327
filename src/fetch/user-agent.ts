/** The User-Agent transwire sends: names the product (robots.txt token "transwire") and the site. */
export function userAgent(siteUrl: string | null, version = '0.1'): string {
  return siteUrl ? `transwire/${version} (+${siteUrl})` : `transwire/${version} (+https://github.com/transwire)`;
}
