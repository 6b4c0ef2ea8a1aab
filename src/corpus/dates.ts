/**
 * Article dates → YYYY-MM-DD. Read: ISO dates and date-times (with or without a zone), RFC 2822 ("Fri, 02 Jul 2010
 * 14:00:00 +0000"), "July 2, 2010", "July 2, 2010 Friday" (Nexis Uni), "2 July 2010", "Jul 2, 2010", "2010/07/02",
 * and numeric day/month/year dates. A date-time keeps the calendar date as written (its own zone), not converted to
 * UTC: that is the day the outlet published it. A numeric date whose day and month could be swapped ("03/04/2010")
 * is read by the date order given (--date-order dmy|mdy), or reported. Anything else is reported; the caller keeps
 * the article with no date.
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateResult =
  | { ok: true; date: string }
  | { ok: false; code: 'W_DATE' | 'W_DATE_AMBIGUOUS'; message: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const TIME = '(?:\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*[ap]\\.?m\\.?)?)';
const ZONE = '(?:z|utc|gmt|[a-z]{2,5}|[+-]\\d{2}:?\\d{2}|(?:utc|gmt)[+-]\\d{1,2}(?::?\\d{2})?)';
/** Weekday, time and zone that may follow the date ("Friday", "5:00 PM EST", "14:00:00 +0000"). */
const TAIL = `(?:,?\\s+${WEEKDAY})?(?:,?\\s+(?:at\\s+)?${TIME})?(?:\\s*${ZONE})?`;
const LEAD = `(?:${WEEKDAY},?\\s+)?`;

const ISO = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[t\\s]${TIME}(?:\\s*${ZONE})?)?$`, 'i');
const MONTH_FIRST = new RegExp(`^${LEAD}${MONTH}\\s+${DAY},?\\s+(\\d{4})${TAIL}$`, 'i');
const DAY_FIRST = new RegExp(`^${LEAD}${DAY}\\s+${MONTH},?\\s+(\\d{4})${TAIL}$`, 'i');
const NUMERIC = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[t\\s,]+${TIME}(?:\\s*${ZONE})?)?$`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** YYYY-MM-DD, or null if there is no such day. */
function ymd(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthOf = (name: string) => MONTHS[name.toLowerCase().replace(/\.$/, '')];

const notRead = (raw: string, why = 'not a date format framelens reads'): DateResult => ({
  ok: false,
  code: 'W_DATE',
  message: `date ${JSON.stringify(raw)} not read (${why}; formats read: 2010-07-02, 2010-07-02T14:00:00Z, "Fri, 02 Jul 2010 14:00:00 +0000", "July 2, 2010", "2 July 2010", 02/07/2010 with --date-order); the article is kept with no date`,
});

/** Normalise one date cell; '' stays ''. */
export function normaliseDate(raw: string, order?: DateOrder): DateResult {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return { ok: true, date: '' };
  let m = ISO.exec(s);
  if (m) {
    const d = ymd(+m[1], +m[2], +m[3]);
    return d ? { ok: true, date: d } : notRead(raw, 'no such day');
  }
  m = MONTH_FIRST.exec(s);
  if (m) {
    const d = ymd(+m[3], monthOf(m[1]), +m[2]);
    return d ? { ok: true, date: d } : notRead(raw, 'no such day');
  }
  m = DAY_FIRST.exec(s);
  if (m) {
    const d = ymd(+m[3], monthOf(m[2]), +m[1]);
    return d ? { ok: true, date: d } : notRead(raw, 'no such day');
  }
  m = NUMERIC.exec(s);
  if (m) {
    const dmy = ymd(+m[3], +m[2], +m[1]);
    const mdy = ymd(+m[3], +m[1], +m[2]);
    if (order) {
      const d = order === 'dmy' ? dmy : mdy;
      return d ? { ok: true, date: d } : notRead(raw, `no such day when read as ${order} (--date-order)`);
    }
    if (dmy && mdy && dmy !== mdy) {
      return {
        ok: false,
        code: 'W_DATE_AMBIGUOUS',
        message: `date ${JSON.stringify(raw)} could be ${dmy} (day first) or ${mdy} (month first); give --date-order dmy or mdy. The article is kept with no date`,
      };
    }
    const d = dmy ?? mdy;
    return d ? { ok: true, date: d } : notRead(raw, 'no such day');
  }
  return notRead(raw);
}

/** Parse `--date-order`. */
export function isDateOrder(v: unknown): v is DateOrder {
  return v === 'dmy' || v === 'mdy';
}
