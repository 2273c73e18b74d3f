import { Entity } from '@backstage/catalog-model';
import { readCampaigns } from '@techstack/plugin-tech-stack-common';
import { ConfigReader } from '@backstage/config';
import { campaignsIndex } from './campaigns';

const technology = (
  name: string,
  title: string,
  aliases: string[] = [],
  namespace?: string,
): Entity => ({
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name, title, ...(namespace ? { namespace } : {}) },
  spec: { aliases },
});

const technologies = [
  technology('rancher', 'Rancher', ['Rancher Kubernetes']),
  technology('apache-kafka', 'Apache Kafka', ['Kafka']),
  technology('eks', 'EKS', ['Amazon EKS']),
  technology('kafka-streams', 'Kafka Streams'),
  technology('pulsar', 'Pulsar', [], 'messaging'),
];

const NOW = new Date('2026-12-06T12:00:00Z');

describe('campaignsIndex', () => {
  it("finds a campaign's technology by name, title, alias, slug or ref, by the one naming rule", () => {
    const campaigns = readCampaigns(
      new ConfigReader({
        techStack: {
          campaigns: [
            {
              technology: 'rancher kubernetes',
              replaceWith: ['amazon-eks', 'GKE'],
              deadline: '2027-05-01',
              reason: 'Support ends',
            },
            {
              id: 'kafka-out',
              technology: 'Kafka',
              replaceWith: ['technology:messaging/pulsar'],
              deadline: '2026-12-01',
            },
            {
              id: 'kafka-again',
              technology: 'technology:default/apache-kafka',
              replaceWith: ['Pulsar'],
              deadline: '2027-01-01',
            },
            {
              id: 'elsewhere',
              technology: 'Heroku',
              replaceWith: ['EKS'],
              deadline: '2027-01-01',
            },
          ],
        },
      }),
    );
    const campaignsOf = campaignsIndex(campaigns, technologies, NOW);
    expect(campaignsOf('technology:default/rancher')).toEqual([
      {
        id: 'rancher-kubernetes',
        deadline: '2027-05-01',
        daysLeft: 146,
        // titles of the guide's technologies, else the name as configured
        replaceWith: ['EKS', 'GKE'],
        reason: 'Support ends',
      },
    ]);
    expect(campaignsOf('Technology:Default/Apache-Kafka')).toEqual([
      {
        id: 'kafka-out',
        deadline: '2026-12-01',
        daysLeft: -5,
        replaceWith: ['Pulsar'],
      },
      {
        id: 'kafka-again',
        deadline: '2027-01-01',
        daysLeft: 26,
        replaceWith: ['Pulsar'],
      },
    ]);
    // `Kafka` is not `Kafka Streams`; a technology no campaign names has none
    expect(campaignsOf('technology:default/kafka-streams')).toEqual([]);
    expect(campaignsOf('technology:default/eks')).toEqual([]);
  });

  it('names nothing without campaigns', () => {
    expect(
      campaignsIndex([], technologies, NOW)('technology:default/rancher'),
    ).toEqual([]);
  });
});
