import { InputError } from '@backstage/errors';

/**
 * One record of a CSV file, with the 1-based line it starts on.
 *
 * @public
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Most fields read in one record; a record with more is refused.
 *
 * @public
 */
export const MAX_CSV_FIELDS = 1_000;

const enum State {
  /** At the start of a field. */
  FieldStart,
  /** Inside a field that does not start with a quote. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** After a quote inside a quoted field: `""`, or the closing quote. */
  QuoteInQuoted,
}

/**
 * Reads CSV text as RFC 4180 describes it: fields separated by `,`, records
 * by CRLF, LF or CR; a field in double quotes may hold commas, line breaks
 * and `""` (a quote). A byte order mark is skipped, blank lines are skipped.
 * A state machine over the characters: one pass, linear in the text length.
 * Lenient where spreadsheets are (a quote inside an unquoted field is kept as
 * a character); strict where the meaning is lost: a quoted field never closed,
 * text after a closing quote, or more than {@link MAX_CSV_FIELDS} fields are
 * an `InputError` naming the line.
 *
 * @public
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let state = State.FieldStart;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  /** Start of the current unquoted run (or quoted chunk). */
  let runStart = 0;
  /** Chunks of the current quoted field before the last `""`. */
  let quoted = '';

  const endField = (value: string) => {
    if (fields.length >= MAX_CSV_FIELDS) {
      throw new InputError(
        `line ${recordLine}: more than ${MAX_CSV_FIELDS} fields in one record`,
      );
    }
    fields.push(value);
  };
  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === '')) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    const lineBreak = ch === '\n' || ch === '\r';
    switch (state) {
      case State.FieldStart:
        if (ch === '"') {
          state = State.Quoted;
          quoted = '';
          quoteLine = line;
          runStart = i + 1;
        } else if (ch === ',') {
          endField('');
        } else if (lineBreak) {
          endField('');
          endRecord();
        } else {
          state = State.Unquoted;
          runStart = i;
        }
        break;
      case State.Unquoted:
        if (ch === ',') {
          endField(text.slice(runStart, i));
          state = State.FieldStart;
        } else if (lineBreak) {
          endField(text.slice(runStart, i));
          endRecord();
          state = State.FieldStart;
        }
        break;
      case State.Quoted:
        if (ch === '"') {
          quoted += text.slice(runStart, i);
          state = State.QuoteInQuoted;
        }
        break;
      case State.QuoteInQuoted:
        if (ch === '"') {
          quoted += '"';
          runStart = i + 1;
          state = State.Quoted;
        } else if (ch === ',') {
          endField(quoted);
          state = State.FieldStart;
        } else if (lineBreak) {
          endField(quoted);
          endRecord();
          state = State.FieldStart;
        } else {
          throw new InputError(
            `line ${line}: unexpected ${JSON.stringify(
              ch,
            )} after the closing quote of a field (write "" for a quote inside quotes)`,
          );
        }
        break;
      default:
        break;
    }
    if (lineBreak) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      if (state === State.FieldStart) recordLine = line;
    }
  }
  if (state === State.Quoted) {
    throw new InputError(
      `line ${quoteLine}: quoted field never closed (a " opens it and no " ends it)`,
    );
  }
  if (state === State.Unquoted) endField(text.slice(runStart));
  else if (state === State.QuoteInQuoted) endField(quoted);
  else if (fields.length > 0) endField('');
  if (fields.length > 0) endRecord();
  return records;
}
