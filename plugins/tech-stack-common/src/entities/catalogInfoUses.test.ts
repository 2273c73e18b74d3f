import { MAX_CATALOG_INFO_BYTES, readCatalogInfoUses } from './catalogInfoUses';

describe('readCatalogInfoUses', () => {
  it('reads the declarations of every entity of the file', () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  namespace: shop
  annotations:
    techstack.dev/uses: "PostgreSQL, Kafka ,, Redis"
---
kind: Component
metadata: { name: bare }
---
# an empty document
---
- not an entity
`;
    expect(readCatalogInfoUses(text)).toEqual([
      {
        entityRef: 'component:shop/orders',
        kind: 'Component',
        annotated: true,
        names: ['PostgreSQL', 'Kafka', 'Redis'],
      },
      {
        entityRef: 'component:default/bare',
        kind: 'Component',
        annotated: false,
        names: [],
      },
      { annotated: false, names: [] },
    ]);
  });

  it('names the label and the problem for text that is not YAML', () => {
    expect(() =>
      readCatalogInfoUses('kind: Component\nmetadata: [unclosed', 'yaml'),
    ).toThrow(/^yaml is not valid YAML: /);
  });

  it('refuses text over the bound, counted in UTF-8 bytes', () => {
    const big = `# ${'é'.repeat(
      MAX_CATALOG_INFO_BYTES / 2,
    )}\nkind: Component\n`;
    expect(big.length).toBeLessThan(MAX_CATALOG_INFO_BYTES);
    expect(() => readCatalogInfoUses(big, 'path: catalog-info.yaml')).toThrow(
      'path: catalog-info.yaml is larger than 256 KB',
    );
  });

  it('does not expand an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(() =>
      readCatalogInfoUses(`${lines.join('\n')}\nkind: Component\n`),
    ).toThrow(/alias/i);
  });
});
