import fc from 'fast-check';
import { decodeMermaidText, parseMermaidFlowchart } from './mermaid';

const labels = (source: string) =>
  parseMermaidFlowchart(source).nodes.map(n => [n.label, n.subgraph ?? null]);

describe('parseMermaidFlowchart', () => {
  it('reads subgraphs with display labels and the nodes in them', () => {
    const source = [
      'graph LR',
      '    subgraph Cloud["Cloud APIs"]',
      '        C[Claude 3.5]',
      '        G[GPT-4o/o1]',
      '    end',
      '    subgraph Self["Self-Hosted"]',
      '        L[Llama 3.3]',
      '    end',
    ].join('\n');
    const chart = parseMermaidFlowchart(source);
    expect(chart.isFlowchart).toBe(true);
    expect(chart.subgraphs.map(s => [s.id, s.label])).toEqual([
      ['Cloud', 'Cloud APIs'],
      ['Self', 'Self-Hosted'],
    ]);
    expect(chart.nodes).toEqual([
      { id: 'C', label: 'Claude 3.5', line: 2, subgraph: 'Cloud APIs' },
      { id: 'G', label: 'GPT-4o/o1', line: 3, subgraph: 'Cloud APIs' },
      { id: 'L', label: 'Llama 3.3', line: 6, subgraph: 'Self-Hosted' },
    ]);
    expect(chart.problems).toEqual([]);
  });

  it('does not turn subgraph ids used in edges into nodes', () => {
    const source = [
      'graph TB',
      'subgraph Collect["Collection"]',
      'M[Metrics - Prometheus]',
      'end',
      'subgraph Analyze["Analysis"]',
      'G[Grafana]',
      'end',
      'Collect --> Analyze',
    ].join('\n');
    expect(labels(source)).toEqual([
      ['Metrics - Prometheus', 'Collection'],
      ['Grafana', 'Analysis'],
    ]);
  });

  it('reads chains, fan-out with &, edge texts and one-line graphs', () => {
    expect(
      labels(
        'graph LR\n P[Producers] --> K[Kafka/Redpanda]\n K --> C[Consumers]',
      ),
    ).toEqual([
      ['Producers', null],
      ['Kafka/Redpanda', null],
      ['Consumers', null],
    ]);
    expect(
      labels(
        'flowchart TD; A[One] -- calls --> B(Two) & C{Three}; B -.->|async| D',
      ),
    ).toEqual([
      ['One', null],
      ['Two', null],
      ['Three', null],
      ['D', null],
    ]);
    expect(
      labels('graph LR\nA ==> B --- C ~~~ D <--> E --o F --x G'),
    ).toHaveLength(7);
  });

  it.each([
    ['A([Stadium])', 'Stadium'],
    ['A[[Subroutine]]', 'Subroutine'],
    ['A[(Database)]', 'Database'],
    ['A((Circle))', 'Circle'],
    ['A(((Double)))', 'Double'],
    ['A{{Hexagon}}', 'Hexagon'],
    ['A>Flag]', 'Flag'],
    ['A[/Lean/]', 'Lean'],
    ['A["Quoted [with] brackets"]', 'Quoted [with] brackets'],
    ['A:::hot[Styled]', 'Styled'],
    ['A@{ shape: rect, label: "New syntax" }', 'New syntax'],
    ['A["Tom &amp; Jerry #quot;x#quot;"]', 'Tom & Jerry "x"'],
  ])('reads node shape %s', (statement, label) => {
    expect(labels(`graph LR\n${statement}`)).toEqual([[label, null]]);
  });

  it('skips comments, styles and directives', () => {
    const source =
      'graph LR\n%% comment\nclassDef hot fill:#f00\nA[X]\nstyle A fill:#fff\nclick A callback\nlinkStyle 0 stroke:#f00';
    const chart = parseMermaidFlowchart(source);
    expect(chart.nodes.map(n => n.label)).toEqual(['X']);
    expect(chart.problems).toEqual([]);
  });

  it('supports nested subgraphs and quoted subgraph titles', () => {
    const source =
      'graph LR\nsubgraph Outer\nsubgraph "Inner box"\nA[x]\nend\nB[y]\nend';
    expect(labels(source)).toEqual([
      ['x', 'Inner box'],
      ['y', 'Outer'],
    ]);
  });

  it('recognises other diagram types without reading them', () => {
    const chart = parseMermaidFlowchart('sequenceDiagram\nAlice->>Bob: Hi');
    expect(chart.isFlowchart).toBe(false);
    expect(chart.diagramType).toBe('sequenceDiagram');
    expect(chart.nodes).toEqual([]);
  });

  it('reports statements it cannot read', () => {
    const chart = parseMermaidFlowchart('graph LR\nA[x] ??? B\nend');
    expect(chart.nodes.map(n => n.label)).toEqual(['x']);
    expect(chart.problems.map(p => p.line)).toEqual([1, 2]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), text => {
        const chart = parseMermaidFlowchart(`graph LR\n${text}`);
        expect(chart.isFlowchart).toBe(true);
      }),
    );
  });

  it('handles a huge unterminated label in bounded time', () => {
    const start = Date.now();
    parseMermaidFlowchart(`graph LR\nA["${'x'.repeat(200_000)}`);
    parseMermaidFlowchart(`graph LR\n${'A-->'.repeat(2000)}B`);
    expect(Date.now() - start).toBeLessThan(3000);
  });
});

describe('decodeMermaidText', () => {
  it('decodes entities and line breaks', () => {
    expect(decodeMermaidText('a<br/>b &#35;1 &#x41;')).toBe('a\nb #1 A');
  });
});
