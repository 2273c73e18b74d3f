import { mockCredentials } from '@backstage/backend-test-utils';
import { PrincipalCache } from './PrincipalCache';

/** A computation the test resolves or rejects by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('PrincipalCache', () => {
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');
  let now = 0;
  const cache = () =>
    new PrincipalCache<string>({ ttlMs: 1000, maxEntries: 3, now: () => now });

  beforeEach(() => {
    now = 0;
  });

  it('never gives one caller the value computed for another', async () => {
    const c = cache();
    expect(await c.get(alice, 'k', async () => 'alice')).toBe('alice');
    expect(await c.get(bob, 'k', async () => 'bob')).toBe('bob');
    expect(await c.get(alice, 'k', async () => 'again')).toBe('alice');
    expect(await c.get(alice, 'other', async () => 'other')).toBe('other');
  });

  it('does not cache anonymous callers or a TTL of 0', async () => {
    const compute = jest.fn(async () => 'v');
    const c = cache();
    await c.get(mockCredentials.none(), 'k', compute);
    await c.get(mockCredentials.none(), 'k', compute);
    const off = new PrincipalCache<string>({
      ttlMs: 0,
      maxEntries: 3,
      now: () => now,
    });
    await off.get(alice, 'k', compute);
    await off.get(alice, 'k', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('shares one computation between concurrent requests', async () => {
    const c = cache();
    const pending = deferred<string>();
    const compute = jest.fn(() => pending.promise);
    const first = c.get(alice, 'k', compute);
    const second = c.get(alice, 'k', compute);
    pending.resolve('v');
    expect(await Promise.all([first, second])).toEqual(['v', 'v']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('serves a stale value at once while one refresh runs', async () => {
    const c = cache();
    await c.get(alice, 'k', async () => 'old');
    now = 1500; // past the TTL, within twice the TTL
    const refresh = deferred<string>();
    const compute = jest.fn(() => refresh.promise);
    expect(await c.get(alice, 'k', compute)).toBe('old');
    expect(await c.get(alice, 'k', compute)).toBe('old');
    expect(compute).toHaveBeenCalledTimes(1);
    refresh.resolve('new');
    await flush();
    expect(await c.get(alice, 'k', compute)).toBe('new');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('waits for a new value once the old one is more than twice the TTL old', async () => {
    const c = cache();
    await c.get(alice, 'k', async () => 'old');
    now = 2000;
    expect(await c.get(alice, 'k', async () => 'new')).toBe('new');
  });

  it('keeps no failed computation, and the stale value after a failed refresh', async () => {
    const c = cache();
    await expect(
      c.get(alice, 'k', async () => {
        throw new Error('catalog down');
      }),
    ).rejects.toThrow('catalog down');
    expect(await c.get(alice, 'k', async () => 'ok')).toBe('ok');
    now = 1500;
    expect(
      await c.get(alice, 'k', async () => {
        throw new Error('catalog down');
      }),
    ).toBe('ok');
    await flush();
    expect(await c.get(alice, 'k', async () => 'refreshed')).toBe('ok');
    await flush();
    expect(await c.get(alice, 'k', async () => 'later')).toBe('refreshed');
  });

  it('keeps at most maxEntries entries, dropping the oldest', async () => {
    const c = cache();
    const compute = jest.fn(async () => 'v');
    for (const key of ['a', 'b', 'c', 'd']) await c.get(alice, key, compute);
    await c.get(alice, 'd', compute);
    await c.get(alice, 'a', compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });
});
