import { Campaign } from '@techstack/plugin-tech-stack-common';
import { campaignCsv } from './campaignCsv';

const campaign: Campaign = {
  id: 'rancher-out',
  technology: { name: 'Rancher', ref: 'technology:default/rancher' },
  replaceWith: [],
  deadline: '2027-05-01',
  daysLeft: 146,
  status: 'on-track',
  totals: { remaining: 3, migrated: 0, teams: 2 },
  teams: [
    {
      ref: 'group:default/platform',
      remaining: 2,
      components: [
        {
          ref: 'component:default/edge',
          title: 'Edge, "the" clusters',
          evidence: ['annotation:Rancher', 'tag:rancher'],
        },
        {
          ref: 'component:default/formula',
          title: '=HYPERLINK("http://evil","x")',
          evidence: ['-1+1', '@SUM(A1)'],
        },
      ],
    },
    {
      remaining: 1,
      components: [
        {
          ref: 'component:default/zurich',
          title: 'Zürich 東京 ✓\nline two',
          evidence: ['+cmd'],
        },
      ],
    },
  ],
  migrated: [],
};

describe('campaignCsv', () => {
  it('writes one CRLF line per remaining component, quoted by RFC 4180', () => {
    const lines = campaignCsv(campaign).split('\r\n');
    expect(lines[0]).toBe(
      'campaign,team,component_ref,component_title,evidence',
    );
    expect(lines[1]).toBe(
      'rancher-out,group:default/platform,component:default/edge,"Edge, ""the"" clusters",annotation:Rancher; tag:rancher',
    );
    expect(campaignCsv(campaign).endsWith('\r\n')).toBe(true);
  });

  it('prefixes formula cells with a quote against CSV injection', () => {
    const lines = campaignCsv(campaign).split('\r\n');
    expect(lines[2]).toBe(
      `rancher-out,group:default/platform,component:default/formula,"'=HYPERLINK(""http://evil"",""x"")",'-1+1; @SUM(A1)`,
    );
    // a line break inside a quoted field, owner empty
    expect(campaignCsv(campaign)).toContain(
      `rancher-out,,component:default/zurich,"Zürich 東京 ✓\nline two",'+cmd\r\n`,
    );
  });

  it('keeps unicode as it is (UTF-8)', () => {
    const bytes = Buffer.from(campaignCsv(campaign), 'utf8').toString('utf8');
    expect(bytes).toContain('Zürich 東京 ✓');
  });
});
