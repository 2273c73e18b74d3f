import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TECHSTACK_RING_HISTORY,
  Ring,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { detectTransitions } from './detectTransitions';

const layer = (ring: Ring) => ({
  section: 'Core Infrastructure',
  layer: 'Kubernetes',
  ring,
});

function technology(
  name: string,
  ring: Ring,
  extra: Partial<TechnologyEntity['spec']> = {},
): TechnologyEntity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, title: name.toUpperCase() },
    spec: {
      ring,
      layers: [layer(ring)],
      type: 'tool',
      owner: 'group:default/platform-team',
      ...extra,
    },
  };
}

/** A technology as the provider reads it from the catalog before a run. */
function held(
  name: string,
  ring: Ring,
  options: { uid?: string; history?: object[] } = {},
): Entity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      uid: options.uid ?? `uid-${name}`,
      name,
      title: name.toUpperCase(),
      annotations: options.history
        ? {
            [ANNOTATION_TECHSTACK_RING_HISTORY]: JSON.stringify(
              options.history,
            ),
          }
        : {},
    },
    spec: { ring, layers: [layer(ring)], aliases: [`${name}-alias`] },
  };
}

describe('detectTransitions', () => {
  it('finds a technology moved to hold, with its previous ring, reason and layers', () => {
    const [transition, ...rest] = detectTransitions(
      [held('rancher', 'trial'), held('eks', 'adopt')],
      [
        technology('rancher', 'hold', {
          ringReason: 'Phased out',
          layers: [layer('hold')],
        }),
        technology('eks', 'adopt'),
      ],
    );
    expect(rest).toEqual([]);
    expect(transition).toEqual({
      kind: 'hold',
      ref: 'technology:default/rancher',
      name: 'rancher',
      namespace: 'default',
      title: 'RANCHER',
      aliases: [],
      previousRing: 'trial',
      ringReason: 'Phased out',
      layers: [layer('hold')],
      basis: 'uid-rancher@created',
    });
  });

  it('finds a technology that left the guide, with the layers it had', () => {
    expect(
      detectTransitions(
        [held('rancher', 'hold'), held('eks', 'adopt')],
        [technology('eks', 'adopt')],
      ),
    ).toEqual([
      {
        kind: 'removed',
        ref: 'technology:default/rancher',
        name: 'rancher',
        namespace: 'default',
        title: 'RANCHER',
        aliases: ['rancher-alias'],
        previousRing: 'hold',
        layers: [layer('hold')],
        basis: 'uid-rancher@created',
      },
    ]);
  });

  it('ignores what stays on hold, what moves elsewhere, and what is new (even at hold)', () => {
    expect(
      detectTransitions(
        [held('a', 'hold'), held('b', 'trial'), held('c', 'hold')],
        [
          technology('a', 'hold'),
          technology('b', 'assess'),
          technology('c', 'trial'),
          technology('new-one', 'hold'),
        ],
      ),
    ).toEqual([]);
    // the first ingestion of a guide tells nobody anything
    expect(detectTransitions([], [technology('x', 'hold')])).toEqual([]);
  });

  it('gives a later return to hold a new basis, and the same basis to the same catalog state', () => {
    const entities = [technology('rancher', 'hold')];
    const first = detectTransitions([held('rancher', 'trial')], entities)[0];
    // a second replica, or a later run before the catalog caught up: same state, same basis
    expect(
      detectTransitions([held('rancher', 'trial')], entities)[0].basis,
    ).toBe(first.basis);
    // hold -> trial -> hold: the change back to trial is in the history
    const again = detectTransitions(
      [
        held('rancher', 'trial', {
          history: [
            { date: '2026-01-01T00:00:00.000Z', from: 'trial', to: 'hold' },
            { date: '2026-02-01T00:00:00.000Z', from: 'hold', to: 'trial' },
          ],
        }),
      ],
      entities,
    )[0];
    expect(again.basis).toBe('uid-rancher@2026-02-01T00:00:00.000Z');
    expect(again.basis).not.toBe(first.basis);
    // removed, re-added (a new entity, a new uid) and removed again
    const removedAgain = detectTransitions(
      [held('rancher', 'trial', { uid: 'uid-2' })],
      [],
    )[0];
    expect(removedAgain.basis).toBe('uid-2@created');
  });

  it('reads what it can of a malformed previous entity', () => {
    const broken: Entity = {
      apiVersion: 'techstack.dev/v1alpha1',
      kind: 'Technology',
      metadata: { name: 'odd' },
      spec: { ring: 'sideways', layers: [{ section: 1 }, 'x'] },
    };
    expect(detectTransitions([broken], [])).toEqual([
      expect.objectContaining({
        kind: 'removed',
        title: 'odd',
        layers: [],
        basis: 'odd@created',
      }),
    ]);
    expect(
      detectTransitions([broken], [technology('odd', 'hold')])[0],
    ).not.toHaveProperty('previousRing');
  });
});
