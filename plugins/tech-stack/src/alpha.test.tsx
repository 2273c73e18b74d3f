import plugin from './alpha';

describe('tech-stack alpha plugin', () => {
  it('provides the API, the radar page and the Technology entity content', () => {
    expect(plugin.pluginId).toBe('tech-stack');
    expect(plugin.routes.root).toBeDefined();
    expect(plugin.getExtension('api:tech-stack')).toBeDefined();
    expect(plugin.getExtension('page:tech-stack')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:tech-stack/technology'),
    ).toBeDefined();
  });
});
