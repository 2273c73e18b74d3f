import { MAX_CSV_FIELDS, parseCsv } from './csv';

const fields = (text: string) => parseCsv(text).map(r => r.fields);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    expect(
      parseCsv(
        'name,description\r\n"Kafka, Apache","say ""hi""\r\nsecond line",x\r\nRedis,\r\n',
      ),
    ).toEqual([
      { line: 1, fields: ['name', 'description'] },
      {
        line: 2,
        fields: ['Kafka, Apache', 'say "hi"\r\nsecond line', 'x'],
      },
      { line: 4, fields: ['Redis', ''] },
    ]);
  });

  it('accepts LF and CR line ends, a byte order mark, blank lines and a missing last line end', () => {
    expect(fields('\uFEFFa,b\n\nc,d\re,"f"')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(fields('a,\n,')).toEqual([
      ['a', ''],
      ['', ''],
    ]);
    expect(fields('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(fields('5" screen,x')).toEqual([['5" screen', 'x']]);
  });

  it('names the line of a quoted field that is never closed', () => {
    expect(() => parseCsv('a,b\nc,"open\n\nstill open')).toThrow(
      'line 2: quoted field never closed',
    );
  });

  it('refuses text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"x"y,z')).toThrow(
      'line 2: unexpected "y" after the closing quote of a field',
    );
  });

  it('refuses a record with more fields than the limit', () => {
    expect(() => parseCsv(','.repeat(MAX_CSV_FIELDS))).toThrow(
      `line 1: more than ${MAX_CSV_FIELDS} fields in one record`,
    );
  });

  it('reads 5 MB of quote pairs and line breaks in one field in one pass', () => {
    const body = '""\n'.repeat(1_700_000);
    const [record] = parseCsv(`"${body}",end`);
    expect(record.fields[0]).toHaveLength(2 * 1_700_000);
    expect(record.fields[1]).toBe('end');
  });
});
