/** Exported event logs: one record per event, with the event's source, time and id. */
import { describe, expect, test } from 'vitest';
import { EventLogHandler } from '../../../src/triage/eventlog.ts';
import type { LineOut } from '../../../src/triage/formats.ts';
import { UM_ERROR, eventViewerCsv, formatList, wevtutilText, winEventCsv } from './fixtures.ts';

function read(h: EventLogHandler, text: string): LineOut[] {
  const out: LineOut[] = [];
  text.split('\n').forEach((l, i) => out.push(...h.push(l.replace(/\r$/, ''), i + 1)));
  return out.concat(h.flush());
}

describe('EventLogHandler', () => {
  test('Event Viewer CSV: multi-line messages stay with their event', () => {
    const text = eventViewerCsv([
      {
        level: 'Error',
        time: '3/3/2021 1:23:45 AM',
        source: 'MSExchange Unified Messaging',
        id: '1234',
        message: UM_ERROR,
      },
      { level: 'Information', time: '3/3/2021 1:24:00 AM', source: 'MSExchange ADAccess', id: '2080', message: 'ok' },
    ]);
    const out = read(new EventLogHandler('csv'), text);
    expect(out.map((o) => [o.lineNo, o.rec.provider, o.rec.eventId, o.rec.time])).toEqual([
      [2, 'MSExchange Unified Messaging', '1234', '2021-03-03T01:23:45.000'],
      [5, 'MSExchange ADAccess', '2080', '2021-03-03T01:24:00.000'],
    ]);
    expect(out[0]!.rec.line).toContain('System.InvalidCastException');
    expect(out[0]!.rec.line).toContain('UMCore.Other()');
  });
  test('Export-Csv: the provider column comes after a multi-line message', () => {
    const text = winEventCsv([
      {
        message: 'line one\r\nSystem.InvalidCastException',
        id: '5',
        provider: 'MSExchange Unified Messaging',
        time: '3/3/2021 1:23:45 AM',
        level: 'Error',
      },
    ]);
    const [event] = read(new EventLogHandler('csv'), text);
    expect(event).toMatchObject({
      lineNo: 3,
      rec: { provider: 'MSExchange Unified Messaging', eventId: '5', eventLevel: 'Error' },
    });
  });
  test('doubled quotes inside a CSV message are read as one', () => {
    const text = winEventCsv([
      {
        message: 'Cmdlet New-ManagementRoleAssignment, parameters -Role "Mailbox Import Export"',
        id: '1',
        provider: 'p',
        time: 't',
        level: 'Information',
      },
    ]);
    expect(read(new EventLogHandler('csv'), text)[0]!.rec.line).toContain(' -Role "Mailbox Import Export"');
  });
  test('Format-List: each block is one event', () => {
    const text = formatList([
      { time: '3/3/2021 1:23:45 AM', provider: 'MSExchange Unified Messaging', id: '1', message: UM_ERROR },
      { time: '3/3/2021 1:30:00 AM', provider: 'Other', id: '2', message: 'fine' },
    ]);
    const out = read(new EventLogHandler('text'), text);
    expect(out.map((o) => o.rec.provider)).toEqual(['MSExchange Unified Messaging', 'Other']);
    expect(out[0]!.rec.line).toContain('InvalidCastException');
    expect(out[1]!.rec.line).not.toContain('InvalidCastException');
  });
  test('wevtutil text: Event[n] starts each event', () => {
    const text = wevtutilText([
      {
        time: '2021-03-03T01:23:45.123',
        source: 'MSExchange Unified Messaging',
        id: '1',
        level: 'Error',
        message: 'System.InvalidCastException',
      },
      { time: '2021-03-03T01:30:00.000', source: 'Other', id: '2', level: 'Error', message: 'x' },
    ]);
    const out = read(new EventLogHandler('text'), text);
    expect(out.map((o) => [o.lineNo, o.rec.provider, o.rec.time])).toEqual([
      [1, 'MSExchange Unified Messaging', '2021-03-03T01:23:45.123'],
      [12, 'Other', '2021-03-03T01:30:00.000'],
    ]);
  });
  test('a very long event is handed on in parts that keep its source', () => {
    const h = new EventLogHandler('text');
    const lines = [
      'TimeCreated  : 3/3/2021 1:00:00 AM',
      'ProviderName : MSExchange Unified Messaging',
      ...Array.from({ length: 1200 }, () => '   more text'),
    ];
    const out = lines.flatMap((l, i) => h.push(l, i + 1)).concat(h.flush());
    expect(out.length).toBeGreaterThan(2);
    for (const o of out) expect(o.rec.provider).toBe('MSExchange Unified Messaging');
  });
});
