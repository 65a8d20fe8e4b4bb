/** Field splitting for the delimited logs Exchange and PowerShell write. Linear, never throws. */

/**
 * Split one CSV record (RFC 4180 quoting: `"a,b"`, `""` inside quotes is one quote). An
 * unterminated quote runs to the end of the line. Exchange writes UTF-8 CSV with `,`; Event Viewer's
 * text export uses tabs.
 *
 * @example splitCsv('a,"b,c",d') // ['a', 'b,c', 'd']
 */
export function splitCsv(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      // quoted field
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          value += line.slice(j);
          i = n;
          break;
        }
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // anything between the closing quote and the delimiter is kept, as lenient readers do
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        out.push(value + line.slice(i));
        return out;
      }
      out.push(value + line.slice(i, next));
      i = next + 1;
      continue;
    }
    const next = line.indexOf(delimiter, i);
    if (next < 0) {
      out.push(line.slice(i));
      return out;
    }
    out.push(line.slice(i, next));
    i = next + 1;
  }
}

/** Header names as keys: lower-cased, trimmed, quotes and a leading `#Fields:` removed. */
export function headerNames(line: string, delimiter: string): string[] {
  const body = line.replace(/^\uFEFF?#Fields:\s*/i, '');
  const parts = delimiter === ' ' ? body.trim().split(/\s+/) : splitCsv(body, delimiter);
  return parts.map((p) => p.trim().toLowerCase());
}
