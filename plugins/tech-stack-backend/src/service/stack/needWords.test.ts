import { MAX_NEED_LENGTH, needWords } from './needWords';

describe('needWords', () => {
  it('splits, lower-cases, drops plurals and stop words, expands short forms', () => {
    expect(needWords('A relational Databases for my service')).toEqual([
      'relational',
      'database',
      'service',
    ]);
    expect(needWords('k8s / DB')).toEqual(needWords('Kubernetes databases'));
    expect(needWords('Key-Value')).toEqual(['key', 'value']);
    expect(needWords('C++ and C#')).toEqual(['c++', 'c#']);
    expect(needWords('class access')).toEqual(['class', 'access']);
  });

  it('reads only the first MAX_NEED_LENGTH characters of a long text', () => {
    const long = `${'word '.repeat(MAX_NEED_LENGTH)}tail`;
    expect(needWords(long)).toEqual(['word']);
    expect(needWords('x'.repeat(5 * 1024 * 1024))).toEqual([
      'x'.repeat(MAX_NEED_LENGTH),
    ]);
  });
});
