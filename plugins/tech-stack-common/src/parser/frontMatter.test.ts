import { splitFrontMatter } from './frontMatter';

describe('splitFrontMatter', () => {
  it('returns text without front matter unchanged', () => {
    expect(splitFrontMatter('# Title\n---\n')).toEqual({
      body: '# Title\n---\n',
    });
  });

  it('parses the mapping and keeps line numbers', () => {
    const result = splitFrontMatter(
      '---\nowner: platform\ndate: 2024-05-01\n---\n# T\n',
    );
    expect(result.frontMatter).toEqual({
      owner: 'platform',
      date: '2024-05-01',
    });
    expect(result.body).toBe('\n\n\n\n# T\n');
    expect(result.body.split('\n')[4]).toBe('# T');
  });

  it('reports invalid YAML and skips it', () => {
    const result = splitFrontMatter('---\nkey: [unclosed\n---\n# T\n');
    expect(result.frontMatter).toBeUndefined();
    expect(result.problem?.message).toContain('front matter');
    expect(result.body).toBe('\n\n\n# T\n');
  });

  it('ignores an unterminated block', () => {
    expect(splitFrontMatter('---\na: b\n').body).toBe('---\na: b\n');
  });
});
