import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { searchModuleTechStack } from './module';

describe('searchModuleTechStack', () => {
  it("sets the catalog collator's entity transformer", async () => {
    const setEntityTransformer = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [catalogCollatorExtensionPoint, { setEntityTransformer }],
      ],
      features: [searchModuleTechStack],
    });
    expect(setEntityTransformer).toHaveBeenCalledTimes(1);
    const transform = setEntityTransformer.mock.calls[0][0];
    expect(
      transform({
        apiVersion: 'techstack.dev/v1alpha1',
        kind: 'Technology',
        metadata: { name: 'redis', title: 'Redis' },
        spec: {
          ring: 'adopt',
          layers: [{ section: 'Data Layer', layer: 'Cache', ring: 'adopt' }],
          type: 'tool',
          owner: 'group:default/platform',
        },
      }),
    ).toMatchObject({
      title: 'Redis',
      text: 'Ring: adopt. Layers: Data Layer › Cache (adopt). Sections: Data Layer.',
      ring: 'adopt',
    });
  });
});
