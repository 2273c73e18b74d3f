import { Entity } from '@backstage/catalog-model';
import { TechnologyEntity } from '@techstack/plugin-tech-stack-common';
import { defaultCatalogCollatorEntityTransformer } from '@backstage/plugin-search-backend-module-catalog';
import { createTechStackEntityTransformer } from './techStackEntityTransformer';
import { technologySearchDocument } from './technologySearchDocument';

const wandb: TechnologyEntity = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name: 'weights-biases', title: 'Weights & Biases' },
  spec: {
    ring: 'trial',
    layers: [
      {
        section: 'AI/ML Infrastructure',
        group: 'MLOps',
        layer: 'Experiment',
        ring: 'trial',
      },
    ],
    aliases: ['W&B', 'WandB'],
    type: 'service',
    owner: 'group:default/platform',
  },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', title: 'Orders', description: 'Takes orders' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

describe('createTechStackEntityTransformer', () => {
  const transform = createTechStackEntityTransformer();

  it('makes the Technology document of a Technology', () => {
    const doc = transform(wandb);
    expect(doc).toEqual(technologySearchDocument(wandb));
    expect(doc).toMatchObject({
      title: 'Weights & Biases',
      kind: 'Technology',
      ring: 'trial',
    });
  });

  it("leaves every other entity to Backstage's default transformer", () => {
    expect(transform(component)).toEqual(
      defaultCatalogCollatorEntityTransformer(component),
    );
    // the kind of another group, and a Technology whose spec has no valid ring
    const foreign = { ...wandb, apiVersion: 'example.com/v1' };
    expect(transform(foreign)).toEqual(
      defaultCatalogCollatorEntityTransformer(foreign),
    );
    const broken = { ...wandb, spec: { ...wandb.spec, ring: 'later' } };
    expect(transform(broken)).toEqual(
      defaultCatalogCollatorEntityTransformer(broken),
    );
  });

  it('hands other entities to a fallback of the portal', () => {
    const fallback = jest.fn((entity: Entity) => ({
      ...defaultCatalogCollatorEntityTransformer(entity),
      text: 'custom',
    }));
    const custom = createTechStackEntityTransformer({ fallback });
    expect(custom(component).text).toBe('custom');
    expect(custom(wandb).text).toContain('WandB');
    expect(fallback).toHaveBeenCalledTimes(1);
  });
});
