/**
 * Words for verdicts. Formatting only: every fact comes from the checker's `Finding`; nothing here
 * looks at build numbers.
 */
import type { Attention, FamilyStatus, Finding, LifecycleStatus } from '../checker/index.ts';
import type { IconName } from './icons.ts';

export type Tone = 'ok' | 'bad' | 'warn' | 'info';

/** The icon paired with each tone's words, so no verdict depends on colour. */
export const ICON: Record<Tone, IconName> = { ok: 'check', bad: 'cross', warn: 'question', info: 'info' };

/** A server's standing at a glance (the checker's `attention`), as a tone and words. */
export const ATTENTION_TONE: Record<Attention, Tone> = { act: 'bad', check: 'warn', ok: 'ok', 'not-affected': 'info' };

export const ATTENTION_WORD: Record<Attention, string> = {
  act: 'Action needed',
  check: 'Needs checking',
  ok: 'Protected',
  'not-affected': 'Not affected',
};

export const STATUS_TONE: Record<FamilyStatus, Tone> = {
  patched: 'ok',
  vulnerable: 'bad',
  unknown: 'warn',
  'not-affected': 'info',
};

/**
 * The one word per status, wherever a status is shown: verdicts, the results table, CSV, the
 * /builds/ page and print.
 */
export const STATUS_WORD: Record<FamilyStatus, string> = {
  patched: 'Patched',
  vulnerable: 'Vulnerable',
  unknown: "Can't tell",
  'not-affected': 'Not affected',
};

/** The symbol beside each status word (tables, print). */
export const STATUS_ICON: Record<FamilyStatus, string> = {
  patched: '✓',
  vulnerable: '✕',
  unknown: '?',
  'not-affected': '–',
};

export const SUPPORT_WORD: Record<LifecycleStatus, string> = {
  supported: 'Supported',
  'extended-security-updates': 'Paid extended updates only',
  'out-of-support': 'Out of support',
  modern: 'Supported while kept updated',
};

export const SUPPORT_TONE: Record<LifecycleStatus, Tone> = {
  supported: 'ok',
  'extended-security-updates': 'warn',
  'out-of-support': 'bad',
  modern: 'ok',
};

export interface Headline {
  /** The server's standing (its `attention`), never ProxyLogon alone. */
  tone: Tone;
  /** Icon beside the title; `warning` when the title is good news that the rest qualifies. */
  icon: IconName;
  title: string;
  /** Sentences qualifying the title, or `null`. */
  detail: string | null;
}

/** What to call a server in lists: its name, else its build. */
export function serverLabel(finding: Finding): string {
  return finding.serverName ?? finding.build;
}

/** Product, CU and update in one phrase: "Exchange Server 2016 CU19 Mar21SU". */
export function describeVersion(finding: Finding): string {
  if (finding.format === 'exchange-online') return 'Exchange Online';
  if (finding.product === null) return 'Unknown Exchange product';
  const parts = [finding.product, finding.cu ?? 'unknown CU'];
  if (finding.update) parts.push(finding.update);
  return parts.join(' ');
}

/** "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * The one line that cannot be misread: the title speaks of ProxyLogon, the detail of the bugs that
 * came after and of support, and the tone is the server's standing (`attention`), so a server
 * protected against ProxyLogon but open to a later bug, or out of support, never looks fine.
 * @example headline(finding).title // 'Vulnerable to ProxyLogon'
 */
export function headline(finding: Finding): Headline {
  const tone = ATTENTION_TONE[finding.attention];
  const words = headlineWords(finding);
  const status = finding.lifecycle?.status;
  const support = status === 'out-of-support' || status === 'extended-security-updates' ? finding.lifecycle : null;
  const detail = [words.detail, support ? `But ${support.message}` : null].filter(Boolean).join(' ');
  const mixed = finding.proxyLogon === 'patched' && tone !== 'ok';
  return { tone, icon: mixed ? 'warning' : ICON[tone], title: words.title, detail: detail || null };
}

function headlineWords(finding: Finding): { title: string; detail: string | null } {
  const later = finding.laterVulnerable;
  const laterText = later.length ? `Still vulnerable to ${listWords(later)}.` : null;
  const target = finding.nextStep.target;
  switch (finding.proxyLogon) {
    case 'not-affected':
      return { title: 'Exchange Online — not affected', detail: 'Microsoft patches its cloud service itself.' };
    case 'patched':
      if (finding.overall === 'patched')
        return {
          title: 'Protected against ProxyLogon',
          detail: 'And against every later exploited Exchange bug we track.',
        };
      return {
        title: 'Protected against ProxyLogon',
        detail: laterText ?? "But for some later bugs we can't tell from this text.",
      };
    case 'vulnerable':
      return {
        title: target ? `Vulnerable to ProxyLogon — install ${target.name}` : 'Vulnerable to ProxyLogon',
        detail: laterText,
      };
    case 'unknown':
      return {
        title: finding.nextStep.command
          ? "Can't tell from this text — run this command instead"
          : "Can't tell from this text",
        detail: laterText,
      };
  }
}

/** Sentence describing the support status; the checker's message when it has one. */
export function supportText(finding: Finding): string {
  return finding.lifecycle
    ? finding.lifecycle.message
    : finding.format === 'exchange-online'
      ? 'Microsoft runs it.'
      : 'Unknown.';
}

/** "Yes", "No — newer: X", or "Can't tell from this text". */
export function newestText(finding: Finding): string {
  if (finding.format === 'exchange-online') return 'Not applicable';
  if (finding.isNewestOnLine === true) return `Yes — the newest update for ${finding.cu ?? 'this CU'}`;
  if (finding.isNewestOnLine === false && finding.newestOnLine)
    return `No — newest for ${finding.cu ?? 'this CU'} is ${finding.newestOnLine.name} (${finding.newestOnLine.build})`;
  return "Can't tell from this text";
}

export interface Tally {
  total: number;
  vulnerable: number;
  unknown: number;
  patched: number;
  notAffected: number;
}

export function tally(findings: readonly Finding[]): Tally {
  const t: Tally = { total: findings.length, vulnerable: 0, unknown: 0, patched: 0, notAffected: 0 };
  for (const f of findings) {
    if (f.proxyLogon === 'vulnerable') t.vulnerable += 1;
    else if (f.proxyLogon === 'unknown') t.unknown += 1;
    else if (f.proxyLogon === 'patched') t.patched += 1;
    else t.notAffected += 1;
  }
  return t;
}

/**
 * The summary line for several servers (ProxyLogon), plus how many miss later fixes.
 * @example summaryLine(findings) // '3 of 12 vulnerable to ProxyLogon, 2 can't tell, 7 protected.'
 */
export function summaryLine(findings: readonly Finding[]): string {
  const t = tally(findings);
  if (t.total === 0) return 'No Exchange version found.';
  if (t.total === 1) {
    const only = findings[0];
    return only ? `1 server: ${headline(only).title}.` : '';
  }
  const parts = [`${t.vulnerable} of ${t.total} vulnerable to ProxyLogon`];
  if (t.unknown) parts.push(`${t.unknown} can't tell`);
  if (t.patched) parts.push(`${t.patched} protected`);
  if (t.notAffected) parts.push(`${t.notAffected} Exchange Online`);
  const later = findings.filter((f) => f.proxyLogon !== 'vulnerable' && f.overall === 'vulnerable').length;
  let line = `${parts.join(', ')}.`;
  if (later) line += ` ${later} more ${later === 1 ? 'misses' : 'miss'} fixes for later exploited bugs.`;
  return line;
}

/** Status of one family in a finding, or `null` when the checker did not report it. */
export function familyStatus(finding: Finding, id: string): FamilyStatus | null {
  return finding.families.find((f) => f.id === id)?.status ?? null;
}

/** A plain-text report of all findings, for "Copy as text" and e-mail. */
export function findingsToText(findings: readonly Finding[], dataAsOf: string, today: string): string {
  const out = [`Exchange Patch Check — ${today} (data as of ${dataAsOf})`, summaryLine(findings), ''];
  for (const f of findings) {
    const h = headline(f);
    out.push(`${serverLabel(f)} — ${f.build} — ${describeVersion(f)}`);
    out.push(`  ${h.title}${h.detail ? `. ${h.detail}` : ''}`);
    for (const note of f.readingNotes) out.push(`  Note: ${note}`);
    for (const fam of f.families)
      out.push(`  ${fam.name}: ${STATUS_WORD[fam.status]}${fam.fixedIn ? ` (fixed in ${fam.fixedIn.build})` : ''}`);
    out.push(`  Support: ${supportText(f)}`);
    out.push(`  Owner: ${f.nextStep.owner}`);
    out.push(`  IT: ${f.nextStep.it}`);
    out.push('');
  }
  return out.join('\n');
}
