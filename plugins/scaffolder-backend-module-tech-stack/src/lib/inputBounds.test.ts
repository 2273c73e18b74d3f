import { checkListBound, checkTextBound, INPUT_BOUNDS } from './inputBounds';

describe('input bounds', () => {
  it('accepts a list up to its bound and names the field, the limit and the size past it', () => {
    expect(() =>
      checkListBound('layers', new Array(50), INPUT_BOUNDS.stackSize),
    ).not.toThrow();
    expect(() =>
      checkListBound('layers', new Array(51), INPUT_BOUNDS.stackSize),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'layers: at most 50 entries are allowed, got 51',
      }),
    );
  });

  it('accepts absent text and text up to its bound, and refuses longer text', () => {
    expect(() => checkTextBound('owner', undefined, 3)).not.toThrow();
    expect(() => checkTextBound('owner', 'abc', 3)).not.toThrow();
    expect(() => checkTextBound('owner', 'abcd', 3)).toThrow(
      /^owner: at most 3 characters are allowed, got 4$/,
    );
  });
});
