/**
 * Is a link target safe to show as a technology link: `http:`/`https:`, or
 * relative (no scheme)? `data:`, `javascript:` and other schemes are not.
 */
export function isSafeLinkUrl(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  const slash = url.indexOf('/');
  if (slash >= 0 && slash < colon) return true;
  const scheme = url.slice(0, colon).toLowerCase();
  return scheme === 'http' || scheme === 'https';
}
