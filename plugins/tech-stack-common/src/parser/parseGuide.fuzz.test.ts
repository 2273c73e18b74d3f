import fc from 'fast-check';
import { checkGuide } from './__testUtils__/catalogCheck';
import { hostileGuide } from './__testUtils__/arbitraries';

// 2,000 guides with a catalog validation each: generous on a loaded 2-core machine
jest.setTimeout(300_000);

describe('parseGuide on hostile guides (fuzz)', () => {
  it('never crashes, and the catalog accepts every entity; no name holds < or >', async () => {
    await fc.assert(
      fc.asyncProperty(hostileGuide(), async text => {
        const check = await checkGuide(text);
        expect(check.crash).toBeUndefined();
        expect(check.rejected).toEqual([]);
        expect(check.markup).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});
