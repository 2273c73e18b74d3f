import { guideLocationView } from './guideLocation';

describe('guideLocationView', () => {
  it('links http(s) guides, with the line', () => {
    expect(
      guideLocationView('https://github.com/o/r/blob/main/guide.md#L12'),
    ).toEqual({
      text: 'Guide, line 12',
      url: 'https://github.com/o/r/blob/main/guide.md#L12',
    });
  });

  it('shows a relative target as configured', () => {
    expect(
      guideLocationView('../../examples/technology-stack-guide.md#L4'),
    ).toEqual({
      text: 'Guide, line 4',
      file: '../../examples/technology-stack-guide.md',
    });
  });

  it('never shows an absolute path of the backend, only the file name', () => {
    for (const location of [
      '/work/main/examples/technology-stack-guide.md#L4',
      'file:/work/main/examples/technology-stack-guide.md#L4',
      'file:///work/main/examples/technology-stack-guide.md#L4',
      'C:\\work\\main\\examples\\technology-stack-guide.md#L4',
    ]) {
      const view = guideLocationView(location);
      expect(view).toEqual({
        text: 'Guide, line 4',
        file: 'technology-stack-guide.md',
      });
      expect(JSON.stringify(view)).not.toContain('work');
    }
  });

  it('neither links nor shows other schemes', () => {
    // eslint-disable-next-line no-script-url
    expect(guideLocationView('javascript:alert(1)#L3')).toEqual({
      text: 'Guide, line 3',
    });
    expect(guideLocationView('data:text/html,<b>x</b>')).toEqual({
      text: 'Guide',
    });
  });

  it('ignores a fragment that is not a line', () => {
    expect(guideLocationView('guide.md#Lx')).toEqual({
      text: 'Guide',
      file: 'guide.md',
    });
  });
});
