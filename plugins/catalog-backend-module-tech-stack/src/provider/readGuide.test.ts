import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTargetText, resolveTarget } from './readGuide';

describe('resolveTarget', () => {
  it('shows URLs and relative paths as configured, absolute paths relative to the working directory', () => {
    expect(resolveTarget('https://example.com/guide.md')).toEqual({
      type: 'url',
      target: 'https://example.com/guide.md',
      display: 'https://example.com/guide.md',
      locationRef: 'url:https://example.com/guide.md',
    });
    expect(resolveTarget('../../examples/guide.md')).toEqual({
      type: 'file',
      target: path.resolve('../../examples/guide.md'),
      display: '../../examples/guide.md',
      locationRef: 'file:../../examples/guide.md',
    });
    const absolute = path.resolve('docs', 'guide.md');
    for (const configured of [absolute, pathToFileURL(absolute).href]) {
      expect(resolveTarget(configured)).toMatchObject({
        target: absolute,
        display: 'docs/guide.md',
        locationRef: 'file:docs/guide.md',
      });
    }
  });
});

describe('readTargetText', () => {
  const dir = createMockDirectory();
  const urlReader = mockServices.urlReader.mock();

  it('refuses a file above the size limit before reading it, naming the limit', async () => {
    dir.setContent({ 'big.md': 'x'.repeat(2000) });
    const target = resolveTarget(dir.resolve('big.md'));
    await expect(readTargetText(target, urlReader, 1000)).rejects.toThrow(
      `${target.display} is 2000 bytes, above the limit of 1000 bytes`,
    );
    await expect(readTargetText(target, urlReader, 2000)).resolves.toHaveLength(
      2000,
    );
  });

  it('names a missing file as shown, never by its absolute path', async () => {
    const target = resolveTarget(dir.resolve('missing.md'));
    const error = await readTargetText(target, urlReader).catch(e => e);
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(`file ${target.display} does not exist`);
    expect(error.message).not.toMatch(/(?:^|[:\s(])\//);
  });
});
