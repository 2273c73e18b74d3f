/**
 * Returns the URL if it is an absolute `http:` or `https:` URL, else
 * undefined, so guide content can never become a `javascript:` (or other)
 * link. A Backstage location prefix (`url:`) is removed first.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const raw = value.trim().replace(/^url:/, '');
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      return url.toString();
    }
  } catch {
    // not an absolute URL
  }
  return undefined;
}
