import { render, screen, within } from '@testing-library/react';
import { createApp } from '@backstage/frontend-defaults';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import techStackPlugin from '@techstack/plugin-tech-stack/alpha';
import App from './App';
import { navModule } from './modules/nav';

describe('App', () => {
  it('starts on the guest sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
  });

  it('lists the portal pages in the sidebar under their usual names', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: {
              title: 'Test',
              // signed out: the sidebar only shows behind sign-in otherwise
              extensions: [{ 'sign-in-page:app': false }],
            },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    const app = createApp({
      features: [
        catalogPlugin,
        apiDocsPlugin,
        scaffolderPlugin,
        techStackPlugin,
        userSettingsPlugin,
        navModule,
      ],
    });

    render(app.createRoot());

    const nav = await screen.findByRole('navigation', { name: 'sidebar nav' });
    for (const [text, href] of [
      ['Home', '/catalog'],
      ['APIs', '/api-docs'],
      ['Tech Radar', '/tech-radar'],
      ['Create...', '/create'],
    ]) {
      const links = await within(nav).findAllByRole('link', { name: text });
      expect(links.map(link => link.getAttribute('href'))).toContain(href);
    }
  });
});
