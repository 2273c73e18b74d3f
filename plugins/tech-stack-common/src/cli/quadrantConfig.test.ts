import { readQuadrantConfig } from './quadrantConfig';

describe('readQuadrantConfig', () => {
  it('reads techStack.export.quadrants in the order written', () => {
    expect(
      readQuadrantConfig(
        'techStack:\n  export:\n    quadrants:\n      - name: Platforms\n        sections: [Edge & CDN, Security]\n      - { name: Data, sections: [Data Layer] }\n',
        'app-config.yaml',
      ),
    ).toEqual([
      { name: 'Platforms', sections: ['Edge & CDN', 'Security'] },
      { name: 'Data', sections: ['Data Layer'] },
    ]);
  });

  it.each([
    ['techStack: {}\n', 'app-config.yaml has no techStack.export.quadrants'],
    [
      'techStack:\n  export:\n    quadrants:\n      - name: A\n        sections: []\n',
      "Invalid config at 'techStack.export.quadrants[0].sections' in app-config.yaml",
    ],
    [
      'techStack:\n  export:\n    quadrants:\n      - name: A\n        sections: [X]\n        colour: red\n',
      "Invalid config at 'techStack.export.quadrants[0]' in app-config.yaml",
    ],
    ['techStack: [', 'app-config.yaml is not YAML'],
  ])('refuses %j naming the key', (text, message) => {
    expect(() => readQuadrantConfig(text, 'app-config.yaml')).toThrow(message);
  });
});
