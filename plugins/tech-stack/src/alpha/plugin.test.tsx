import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { TechStackApi, techStackApiRef } from '../api';
import techStackPlugin from '.';

describe('tech-stack plugin (new frontend system)', () => {
  it('has the extensions the example app wires by id', () => {
    expect(techStackPlugin.pluginId).toBe('tech-stack');
    expect(techStackPlugin.routes.root).toBeDefined();
    for (const id of [
      'api:tech-stack',
      'page:tech-stack',
      'sub-page:tech-stack/radar',
      'sub-page:tech-stack/adoption',
      'entity-content:tech-stack/technology',
      'entity-card:tech-stack/technology-overview',
      'entity-card:tech-stack/tech-stack',
      'entity-card:tech-stack/team-tools',
      'scaffolder-form-field:tech-stack/tech-stack-picker',
    ]) {
      expect(techStackPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('puts "Tech Radar" in the sidebar, linking to the radar page', async () => {
    const api = {
      getRadar: jest.fn().mockResolvedValue({
        sectors: [],
        rings: ['adopt', 'trial', 'assess', 'hold'],
        entries: [],
      }),
    } as unknown as TechStackApi;
    renderTestApp({
      features: [techStackPlugin],
      apis: [[techStackApiRef, api]],
      initialRouteEntries: ['/somewhere-else'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const nav = await screen.findByRole('navigation', { name: 'sidebar nav' });
    const item = within(nav).getByRole('link', { name: 'Tech Radar' });
    expect(item).toHaveAttribute('href', '/tech-radar');
  });
});
