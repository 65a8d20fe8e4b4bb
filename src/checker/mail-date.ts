/**
 * The date of a mail header (RFC 5322 section 3.3 date-time: `[day-of-week ","] day month year time zone`),
 * so that a build read from a `Received:` header can say when it was true. Only the calendar date is kept,
 * as written in the header (its own time zone): a header is evidence about a day, not an instant.
 */

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// "Tue, 8 Nov 2022 10:00:00 +0000", "8 Nov 2022", "Tue,  8 Nov 2022" (bounded runs of spaces, folded lines allowed).
const DATE = /^\s{0,8}(?:[A-Za-z]{3},\s{0,8})?(\d{1,2})\s{1,8}([A-Za-z]{3})\s{1,8}(\d{4})\b/;
const DATE_HEADER = /^\s*Date:(.*)$/i;

/**
 * ISO date (`YYYY-MM-DD`) of an RFC 5322 date at the start of `text`, or null.
 *
 * @example mailDate(' Tue, 8 Nov 2022 10:00:00 +0000') // '2022-11-08'
 * @example mailDate('31 Feb 2022') // null
 */
export function mailDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const month = MONTHS[m[2].toLowerCase()];
  const day = Number(m[1]);
  const year = Number(m[3]);
  if (!month || day < 1 || day > (DAYS_IN_MONTH[Number(month) - 1] ?? 0) || year < 1990 || year > 2100) return null;
  if (month === '02' && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  return `${m[3]}-${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The date at the end of a `Received:` header whose build ends at `from`: the text after the next `;`,
 * within the same header (folded continuation lines start with whitespace; a line that does not ends it).
 * Reads at most 300 characters.
 *
 * @example receivedDate('… id 15.1.2507.16; Tue, 8 Nov 2022\n 10:00:00 +0000', 21) // '2022-11-08'
 */
export function receivedDate(text: string, from: number): string | null {
  const stop = Math.min(text.length, from + 300);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */) return mailDate(text.slice(i + 1, Math.min(text.length, i + 60)));
    // A line break not followed by a space or tab starts the next header.
    if (c === 10 && !(i + 1 < text.length && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)))
      return null;
  }
  return null;
}

/** The date of a `Date:` header line, or null. @example dateHeader('Date: Tue, 8 Nov 2022 10:00:00 +0000') // '2022-11-08' */
export function dateHeader(lineText: string): string | null {
  if (lineText.length > 200) return null;
  const m = DATE_HEADER.exec(lineText);
  return m?.[1] === undefined ? null : mailDate(m[1]);
}
