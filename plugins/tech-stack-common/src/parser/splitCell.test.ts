import fc from 'fast-check';
import { splitCell } from './splitCell';

const names = (text: string, protectedNames: string[] = ['weights & biases']) =>
  splitCell(text, { protectedNames }).names.map(n => n.name);

describe('splitCell', () => {
  it.each([
    ['AWS, GCP, Azure', ['AWS', 'GCP', 'Azure']],
    ['Loki/ELK', ['Loki', 'ELK']],
    ['Jaeger / Tempo', ['Jaeger', 'Tempo']],
    ['Apache Kafka + Flink', ['Apache Kafka', 'Flink']],
    ['GPT-4o/o1', ['GPT-4o', 'o1']],
    ['Triton; BentoML', ['Triton', 'BentoML']],
    ['Redis<br>Valkey', ['Redis', 'Valkey']],
    ['Okta & Auth0', ['Okta', 'Auth0']],
  ])('splits %s', (cell, expected) => {
    expect(names(cell)).toEqual(expected);
  });

  it.each([
    'Lambda@Edge',
    'Weights & Biases',
    'TensorRT-LLM',
    'C++',
    'R&D',
    'A/B',
    'Spark Streaming',
  ])('keeps %s whole', cell => {
    expect(names(cell)).toEqual([cell]);
  });

  it('keeps protected names whole inside lists', () => {
    expect(names('MLflow, Weights & Biases')).toEqual([
      'MLflow',
      'Weights & Biases',
    ]);
    expect(names('MLflow / Weights & Biases')).toEqual([
      'MLflow',
      'Weights & Biases',
    ]);
  });

  it('reads a feature after + as a feature of the tool before it', () => {
    const result = splitCell('EventStoreDB, Kafka + Compact Topics');
    expect(result.names.map(n => n.name)).toEqual(['EventStoreDB', 'Kafka']);
    expect(result.features).toEqual([{ name: 'Compact Topics', of: 'Kafka' }]);
  });

  it('separates a trailing parenthetical as a note, and never splits inside it', () => {
    const result = splitCell('DuckDB (embedded, in-process), Trino');
    expect(result.names.map(n => [n.name, n.note])).toEqual([
      ['DuckDB', 'embedded, in-process'],
      ['Trino', undefined],
    ]);
  });

  it('does not split inside atomic ranges and reports offsets', () => {
    const text = 'Redis Stack, Valkey';
    const result = splitCell(text, { atomic: [{ start: 0, end: 11 }] });
    expect(result.names).toEqual([
      { name: 'Redis Stack', start: 0, end: 11 },
      { name: 'Valkey', start: 13, end: 19 },
    ]);
    const linked = splitCell('A/B testing, x', {
      atomic: [{ start: 0, end: 11 }],
    });
    expect(linked.names.map(n => n.name)).toEqual(['A/B testing', 'x']);
  });

  it('drops empty markers and stray markup', () => {
    expect(names('—')).toEqual([]);
    expect(names('N/A')).toEqual([]);
    expect(names('**Kong**, , `Envoy`')).toEqual(['Kong', 'Envoy']);
  });

  it('never throws and returns names within the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), text => {
        const result = splitCell(text, { protectedNames: ['w & b'] });
        for (const name of result.names) {
          expect(name.start).toBeGreaterThanOrEqual(0);
          expect(name.end).toBeLessThanOrEqual(text.length);
          expect(name.name.trim()).not.toBe('');
        }
      }),
    );
  });
});
