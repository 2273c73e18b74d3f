import { MAX_HEADING_LENGTH } from '../parser/limits';
import { layerNameKey } from './layerNameKey';
import { technologyNameKey } from './technologyNameKey';

describe('layerNameKey', () => {
  it('matches layer names by the technology name rule', () => {
    expect(layerNameKey('Key-Value')).toBe(layerNameKey('key value'));
    expect(layerNameKey('Key-Value')).toBe(layerNameKey('KeyValue'));
    expect(layerNameKey('Message Queue')).toBe(
      technologyNameKey('message_queue'),
    );
    expect(layerNameKey('Relational')).not.toBe(layerNameKey('Relational DB'));
  });

  it('reads layers up to the heading bound, and nothing longer', () => {
    const long = 'l'.repeat(MAX_HEADING_LENGTH);
    expect(layerNameKey(long)).toBe(long);
    expect(layerNameKey(`${long}l`)).toBe('');
  });
});
