/**
 * The small HTML reader behind the Learn parser: headings and tables in order, main content only.
 */
import { describe, expect, test } from 'vitest';
import { decodeEntities, readBlocks } from '../../../../scripts/data/html.js';

describe('readBlocks', () => {
  test('headings and table cells in document order, with the first link of each cell', () => {
    const html =
      '<h2 id="x">Exchange&nbsp;Server SE</h2><table><tr><th>Product name</th><th>Build<br>(short)</th></tr>' +
      '<tr><td>&nbsp;&nbsp;<a href="https://support.microsoft.com/help/1">A</a> <a href="/second">B</a></td><td>1.2.3.4</td></tr></table>';
    expect(readBlocks(html)).toEqual([
      { kind: 'heading', level: 2, text: 'Exchange Server SE' },
      {
        kind: 'table',
        rows: [
          [
            { text: 'Product name', href: null, header: true },
            { text: 'Build (short)', href: null, header: true },
          ],
          [
            { text: 'A B', href: 'https://support.microsoft.com/help/1', header: false },
            { text: '1.2.3.4', href: null, header: false },
          ],
        ],
      },
    ]);
  });

  test.each([
    ['a comment that mentions <main> and holds a table', '<!-- <main> <table><tr><td>x</td></tr></table> -->'],
    ['a script holding a table in a string', '<script>const t = "<table><tr><td>x</td></tr></table>";</script>'],
    ['a style block', '<style>table > td { }</style>'],
  ])('ignores %s', (_why, noise) => {
    const blocks = readBlocks(`${noise}<main><h2>S</h2><table><tr><td>kept</td></tr></table></main>`);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'S' },
      { kind: 'table', rows: [[{ text: 'kept', href: null, header: false }]] },
    ]);
  });

  test('reads only <main> when the page has one (navigation and footer tables are dropped)', () => {
    const html =
      '<table><tr><td>nav</td></tr></table><main><table><tr><td>main</td></tr></table></main><table><tr><td>foot</td></tr></table>';
    const texts = readBlocks(html).flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : []));
    expect(texts).toEqual(['main']);
  });

  test('tolerates missing </td>, </tr> and </table> and quoted ">" in attributes', () => {
    const html = '<table><tr><td title="a>b">one<td>two<tr><td>three';
    const [block] = readBlocks(html);
    expect(block).toEqual({
      kind: 'table',
      rows: [
        [
          { text: 'one', href: null, header: false },
          { text: 'two', href: null, header: false },
        ],
        [{ text: 'three', href: null, header: false }],
      ],
    });
  });

  test('a lone "<" in text is kept as text', () => {
    const [block] = readBlocks('<table><tr><td>a < b</td></tr></table>');
    expect(block?.kind === 'table' && block.rows[0]?.[0]?.text).toBe('a < b');
  });
});

test.each([
  ['&amp;&lt;&gt;&quot;&#39;', '&<>"\''],
  ['&#x2019;&#8217;', '\u2019\u2019'],
  ['&nbsp;', ' '],
  ['&unknown; &#0; &#x110000;', '&unknown; &#0; &#x110000;'],
])('decodeEntities(%j)', (text, expected) => {
  expect(decodeEntities(text)).toBe(expected);
});
