/** Line handlers of the CSV and W3C logs. */
import { describe, expect, test } from 'vitest';
import {
  CsvLogHandler,
  HTTPPROXY_FIELDS,
  PlainHandler,
  W3cHandler,
  finishRecord,
  mapFields,
} from '../../../src/triage/formats.ts';
import { bytesOf } from './fixtures.ts';

const isHeader = (h: { isHeader(b: Uint8Array, s: number, e: number): boolean }, line: string) =>
  h.isHeader(bytesOf(line), 0, bytesOf(line).length);

describe('CsvLogHandler', () => {
  test('reads columns by #Fields names, in any order', () => {
    const h = new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime');
    h.header('#Fields: HttpStatus,AnchorMailbox,DateTime,UrlStem,UrlQuery');
    const [out] = h.push('500,"ServerInfo~a]@x:444/ecp/y#",2021-03-03T02:00:00.000Z,/ecp/y.js,q=1', 7);
    expect(out!.lineNo).toBe(7);
    expect(out!.rec).toMatchObject({
      status: '500',
      anchor: 'ServerInfo~a]@x:444/ecp/y#',
      stem: '/ecp/y.js',
      uri: '/ecp/y.js?q=1',
      time: '2021-03-03T02:00:00.000Z',
    });
    expect(h.notes()).toEqual([]);
  });
  test('a bare header row is a header, a repeated one too', () => {
    const h = new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime');
    for (const l of ['DateTime,RequestId', '"DateTime","RequestId"', '#Software: x', 'datetime\tx'])
      expect(isHeader(h, l)).toBe(true);
    for (const l of ['2021-03-03T02:00:00Z,x', 'DateTimeX,y', '']) expect(isHeader(h, l)).toBe(false);
  });
  test('header-less files fall back to the documented order and say so', () => {
    const h = new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime');
    const v = HTTPPROXY_FIELDS.map(() => '');
    v[HTTPPROXY_FIELDS.indexOf('anchormailbox')] = 'Sid~S-1';
    v[HTTPPROXY_FIELDS.indexOf('urlquery')] = 'a=1';
    v[20] = 'ServerInfo~a]@x:444/owa/#';
    const [out] = h.push(v.join(','), 1);
    // the ServerInfo~ value is found wherever it landed
    expect(out!.rec.anchor).toBe('ServerInfo~a]@x:444/owa/#');
    expect(out!.rec.query).toBe('a=1');
    expect(h.notes().join(' ')).toMatch(/No header line/);
  });
  test('a header-less line of another length trusts only the first 29 columns', () => {
    const h = new CsvLogHandler(HTTPPROXY_FIELDS, 'DateTime');
    const v = Array.from({ length: 70 }, (_, i) => `v${i}`);
    const [out] = h.push(v.join(','), 1);
    expect(out!.rec.stem).toBe('v9');
    expect(out!.rec.query).toBeUndefined();
  });
  test('blank lines give no record', () => {
    expect(new CsvLogHandler(null, 'x').push('  ', 1)).toEqual([]);
  });
});

describe('W3cHandler', () => {
  test('several #Fields blocks in one file, each in its own order', () => {
    const h = new W3cHandler();
    h.header('#Fields: date time cs-method cs-uri-stem sc-status');
    expect(h.push('2021-03-03 02:00:00 POST /ecp/y.js 200', 5)[0]!.rec).toMatchObject({
      method: 'POST',
      stem: '/ecp/y.js',
      status: '200',
      time: '2021-03-03T02:00:00.000Z',
    });
    h.header('#Fields: sc-status cs-uri-stem cs-method time date cs(User-Agent)');
    expect(h.push('401 /owa/ GET 03:00:00 2021-03-04 a+b,c', 9)[0]!.rec).toMatchObject({
      method: 'GET',
      status: '401',
      time: '2021-03-04T03:00:00.000Z',
      ua: 'a b c',
    });
  });
  test('"-" reads as empty; the default order without #Fields', () => {
    const h = new W3cHandler();
    const r = h.push('2021-03-03 02:00:00 10.0.0.5 GET /owa/ - 443 - 10.0.0.1 - - 200 0 0 5', 1)[0]!.rec;
    expect(r).toMatchObject({ query: '', user: '', uri: '/owa/', ip: '10.0.0.1' });
    expect(h.notes().join(' ')).toMatch(/default field order/);
  });
  test('only # lines are headers', () => {
    const h = new W3cHandler();
    expect(isHeader(h, '#Fields: date')).toBe(true);
    expect(isHeader(h, '2021-03-03 #')).toBe(false);
  });
});

describe('records', () => {
  test('finishRecord derives uri, user agent, time and the OAB download path', () => {
    const r = finishRecord(
      {
        line: "Download failed and temporary file 'C:\\x.aspx' needs to be removed.",
        stem: '/a',
        query: '',
        ua: 'Mozilla/5.0+(X11;+Linux)+(KHTML,+like+Gecko)',
        date: '2021-03-03',
        clock: '01:02:03',
      },
      true,
    );
    expect(r).toMatchObject({
      uri: '/a',
      ua: 'Mozilla/5.0 (X11; Linux) (KHTML  like Gecko)',
      time: '2021-03-03T01:02:03.000Z',
      path: 'C:\\x.aspx',
    });
  });
  test('mapFields keeps the first of two columns with the same meaning', () => {
    expect(mapFields(['datetime', 'timestamp', 'unknown'], ['a', 'b', 'c'], {})).toEqual({ time: 'a' });
  });
  test('PlainHandler picks up a leading ISO time when asked', () => {
    expect(new PlainHandler(true).push('2021-03-03T04:05:06.789Z,x,y', 3)[0]!.rec.time).toBe(
      '2021-03-03T04:05:06.789Z',
    );
    expect(new PlainHandler(false).push('2021-03-03T04:05:06.789Z,x,y', 3)[0]!.rec.time).toBeUndefined();
  });
});
