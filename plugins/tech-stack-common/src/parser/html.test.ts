import { brTagLength, maskHtml, stripHtml } from './html';

describe('brTagLength', () => {
  it.each(['<br>', '<BR>', '<br/>', '<Br />', '<br   />', '<br\t>'])(
    'reads %s',
    tag => {
      expect(brTagLength(`x${tag}y`, 1)).toBe(tag.length);
    },
  );

  it.each(['<b>', '<br', '<br class="x">', '<brx>', '<br/ >'])(
    'does not read %s',
    tag => {
      expect(brTagLength(tag, 0)).toBe(0);
    },
  );
});

describe('stripHtml', () => {
  it('removes tags and keeps the text between them', () => {
    expect(stripHtml('<b>Kafka</b> Streams')).toEqual({
      text: 'Kafka Streams',
      tags: ['b', '/b'],
      strayBrackets: false,
    });
    expect(stripHtml('<svg onload=alert(1)>Kafka').text).toBe('Kafka');
    expect(stripHtml('<!-- note -->Grafana').text).toBe('Grafana');
  });

  it('turns <br> into a space without reporting it', () => {
    expect(stripHtml('Redis<br/>Valkey')).toEqual({
      text: 'Redis Valkey',
      tags: [],
      strayBrackets: false,
    });
  });

  it('turns block tags into spaces with separateBlocks', () => {
    expect(
      stripHtml('<p><b>Fast</b></p><p>safe</p> a < b', {
        separateBlocks: true,
        keepStrayBrackets: true,
      }).text,
    ).toBe(' Fast  safe  a < b');
  });

  it('removes lone brackets unless asked to keep them', () => {
    expect(stripHtml('a < b > c')).toEqual({
      text: 'a  b  c',
      tags: [],
      strayBrackets: true,
    });
    expect(stripHtml('<svg', {}).text).toBe('svg');
    expect(stripHtml('p99 < 10 ms', { keepStrayBrackets: true }).text).toBe(
      'p99 < 10 ms',
    );
  });

  it('never leaves < or > behind, however many unclosed tags', () => {
    const text = `${'<a href="'.repeat(20_000)}Redis${'<'.repeat(20_000)}`;
    const { text: out } = stripHtml(text);
    expect(out).not.toMatch(/[<>]/);
  });
});

describe('maskHtml', () => {
  it('keeps <br> and every index, blanking other tags', () => {
    const text = '<b>Kafka</b><br>[Flink](x)';
    const masked = maskHtml(text);
    expect(masked.text).toBe('   Kafka    <br>[Flink](x)');
    expect(masked.text).toHaveLength(text.length);
    expect(masked.tags).toEqual(['b', '/b']);
  });
});
