// One-off converter: reads the team's compiled reference files (exchange-builds.csv, exchange-cves.json)
// and writes src/data/releases.json and src/data/vulnerabilities.json.
// The committed JSON is the source of truth; the project never reads the reference folder at
// build, run or test time. Usage: node scripts/data/import-reference.mjs <reference-dir>
// A new Microsoft update is a one-line edit of src/data/releases.json — do not re-run this script for it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const refDir = process.argv[2];
if (!refDir) throw new Error('usage: node scripts/data/import-reference.mjs <reference-dir>');
const out = new URL('../../src/data/', import.meta.url);

// ---------- releases ----------
const SOURCE_IDS = [
  ['learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates', 'ms-learn'],
  ['MicrosoftDocs/OfficeDocs-Exchange', 'officedocs-2021'],
  ['microsoft/Get-ExchangeBuildNumber', 'gebn'],
  ['microsoft/CSS-Exchange', 'css-exchange'],
  ['eightwone.com', 'eightwone'],
  ['rafaelpfister.ch', 'pfister-2026-10'],
];
// Conflicting alternative values: variant build -> build of the row it is an alternative for.
const VARIANT_OF = {
  '15.1.1415.8': '15.1.1415.10',
  '15.1.1466.13': '15.1.1466.16',
  '15.1.1466.10': '15.1.1466.9',
  '14.3.266.1': '14.3.266.2',
  '14.3.339.0': '14.3.336.0',
  '15.1.225.17': '15.1.225.16',
  '15.2.191.1': '15.2.196.0',
  '15.2.858.2': '15.2.858.5',
};

function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const cells = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

const csv = parseCsv(readFileSync(join(refDir, 'exchange-builds.csv'), 'utf8'));
const header = csv.shift();
const releases = csv.map((cells) => {
  const r = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  const noteMatch = /\[NOTE: (.*)\]\s*$/.exec(r.source);
  const sourceText = r.source.replace(/\s*\[NOTE:.*\]\s*$/, '');
  const sources = [];
  for (const [needle, id] of SOURCE_IDS) if (sourceText.includes(needle) && !sources.includes(id)) sources.push(id);
  if (sources.length === 0) throw new Error(`no known source for ${r.build}`);
  const [line, ...rest] = r.release.split(' ');
  const row = { product: r.product, line };
  if (r.product === 'Exchange Server 2010') row.rollup = rest.length ? rest.join(' ') : null;
  row.update = r.product === 'Exchange Server 2010' ? null : rest.length ? rest.join(' ') : null;
  row.build = r.build;
  row.date = r.date;
  row.kb = r.kb || null;
  row.sources = sources;
  row.confidence = sources.includes('pfister-2026-10')
    ? 'third-party'
    : sources.length > 1
      ? 'confirmed'
      : 'single-source';
  if (VARIANT_OF[r.build]) row.variantOf = VARIANT_OF[r.build];
  if (noteMatch) row.note = noteMatch[1];
  if (row.rollup === undefined) delete row.rollup;
  return row;
});

writeFileSync(
  new URL('releases.json', out),
  '{\n  "$schema": "./releases.schema.json",\n  "releases": [\n' +
    releases.map((r) => '    ' + JSON.stringify(r)).join(',\n') +
    '\n  ]\n}\n',
);

// ---------- vulnerabilities ----------
const cmp = (a, b) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
// Lines per product in build order, with their base (lowest non-variant build).
const lineBase = new Map();
for (const r of releases) {
  if (r.variantOf) continue;
  const key = `${r.product}|${r.line}`;
  const prev = lineBase.get(key);
  if (!prev || cmp(r.build, prev) < 0) lineBase.set(key, r.build);
}
const linesOf = (product) =>
  [...lineBase.entries()]
    .filter(([k]) => k.startsWith(product + '|'))
    .map(([k, b]) => ({ line: k.split('|')[1], base: b }))
    .sort((a, b) => cmp(a.base, b.base));

const FAMILIES = [
  {
    id: 'proxylogon',
    name: 'ProxyLogon',
    summary:
      'The March 2021 "Hafnium" attack chain: an attacker on the internet takes over the server without a password.',
  },
  {
    id: 'proxyshell',
    name: 'ProxyShell',
    summary:
      'A 2021 chain of three bugs that lets an attacker on the internet run code on the server without a password.',
  },
  {
    id: 'proxynotshell',
    name: 'ProxyNotShell',
    summary: 'A 2022 chain that lets anyone with a mailbox password run code on the server.',
  },
  {
    id: 'owassrf',
    name: 'OWASSRF',
    summary:
      "A late-2022 variant of ProxyNotShell through Outlook on the web that got around Microsoft's temporary mitigations.",
  },
  {
    id: 'other-kev',
    name: 'Other exploited Exchange bugs',
    summary: 'Other Exchange bugs that CISA lists as exploited in real attacks.',
  },
];
const FAMILY_OF = {
  'CVE-2021-26855': ['proxylogon'],
  'CVE-2021-26857': ['proxylogon'],
  'CVE-2021-26858': ['proxylogon'],
  'CVE-2021-27065': ['proxylogon'],
  'CVE-2021-34473': ['proxyshell'],
  'CVE-2021-34523': ['proxyshell'],
  'CVE-2021-31207': ['proxyshell'],
  'CVE-2022-41040': ['proxynotshell'],
  'CVE-2022-41082': ['proxynotshell', 'owassrf'],
  'CVE-2022-41080': ['owassrf'],
};
const SUMMARY = {
  'CVE-2021-26855':
    'Anyone on the internet can make the server send requests to itself as if it were Exchange, with no password: the door of the ProxyLogon attack.',
  'CVE-2021-26857':
    'A flaw in the voicemail (Unified Messaging) service lets an attacker who is already in run programs with full system rights.',
  'CVE-2021-26858': 'After getting in, an attacker can write a file anywhere on the server, such as a web shell.',
  'CVE-2021-27065':
    'After getting in, an attacker can write a file anywhere on the server through the admin web pages, such as a web shell.',
  'CVE-2021-34473':
    'A trick in how web addresses are handled lets anyone on the internet reach parts of Exchange that should need a login.',
  'CVE-2021-34523': "Lets an attacker who reached Exchange's PowerShell back end act as an administrator.",
  'CVE-2021-31207':
    'Lets an attacker with admin access write a file anywhere on the server, completing the ProxyShell chain.',
  'CVE-2022-41040':
    'Anyone with a mailbox password can make the server send requests on their behalf to its PowerShell back end.',
  'CVE-2022-41082': 'Lets an attacker who reached Exchange PowerShell run programs on the server.',
  'CVE-2022-41080':
    'Anyone with a mailbox password can reach Exchange PowerShell through Outlook on the web, bypassing the ProxyNotShell mitigations.',
  'CVE-2020-0688':
    'Every Exchange server used the same secret key for its admin web pages, so any logged-in user could run programs on the server.',
  'CVE-2021-42321': 'Any logged-in user can run programs on the server through a flaw in how Exchange reads data.',
  'CVE-2024-21410':
    'Attackers can relay stolen Windows sign-in data to Exchange and act as the victim unless Extended Protection is on.',
  'CVE-2021-33766':
    'Anyone on the internet can change mailbox settings, for example to forward someone\'s mail, without a password ("ProxyToken").',
  'CVE-2021-31196': 'An attacker with some access can run programs on the server.',
  'CVE-2020-17144': 'Any logged-in user can run programs on an Exchange 2010 server.',
  'CVE-2018-8581':
    'An attacker with a mailbox can trick Exchange into handing over its own Windows credentials and gain wide rights in the domain.',
  'CVE-2026-42897': "A malicious link or message can run script in a user's Outlook on the web session.",
};
// Products a source explicitly calls not affected although the CVE came after its end of support.
const NOT_AFFECTED = {
  'CVE-2021-26855': [
    {
      product: 'Exchange Server 2010',
      source:
        'microsoft/CSS-Exchange Security/README.md: "Exchange 2010 is only affected by one of the four announced exploits - CVE-2021-26857"',
    },
  ],
  'CVE-2021-26858': [
    {
      product: 'Exchange Server 2010',
      source:
        'microsoft/CSS-Exchange Security/README.md: "Exchange 2010 is only affected by one of the four announced exploits - CVE-2021-26857"',
    },
  ],
  'CVE-2021-27065': [
    {
      product: 'Exchange Server 2010',
      source:
        'microsoft/CSS-Exchange Security/README.md: "Exchange 2010 is only affected by one of the four announced exploits - CVE-2021-26857"',
    },
  ],
};
// CVE-2018-8581: no source gives fixed builds. We infer the February 2019 CUs / 2010 SP3 RU26 (which changed
// EWS push-notification authentication) and mark the ranges as inferred. Lines from those CUs on are treated
// as shipped with the change; older lines never got it.
const INFERRED_8581 = [
  { product: 'Exchange Server 2010', line: 'SP3', fixed: '14.3.442.0' },
  { product: 'Exchange Server 2013', line: 'CU22', shipped: true },
  { product: 'Exchange Server 2016', line: 'CU12', shipped: true },
  { product: 'Exchange Server 2019', line: 'CU1', shipped: true },
];

const cves = JSON.parse(readFileSync(join(refDir, 'exchange-cves.json'), 'utf8')).cves;
const PRODUCTS = [
  'Exchange Server 2010',
  'Exchange Server 2013',
  'Exchange Server 2016',
  'Exchange Server 2019',
  'Exchange Server SE',
];
const SP1_ALIAS = /^SP1/;

const vulnerabilities = cves.map((c) => {
  const ranges = [];
  const inferred = c.id === 'CVE-2018-8581';
  const explicit = [];
  if (inferred) {
    for (const x of INFERRED_8581) {
      if (x.fixed)
        explicit.push({
          product: x.product,
          line: x.line,
          fixed: x.fixed,
          listed: false,
          note: 'Inferred: no source ties a fixed build to this CVE; the February 2019 update changed the affected EWS authentication.',
        });
      // every older line of the product never received the change
      const ls = linesOf(x.product);
      const anchor = ls.find((l) => l.line === x.line);
      for (const l of ls)
        if (cmp(l.base, anchor.base) < 0)
          explicit.push({
            product: x.product,
            line: l.line,
            fixed: null,
            listed: false,
            note: 'Inferred: this CU predates the February 2019 update and never received it.',
          });
    }
  } else {
    for (const a of c.affected) {
      if (/ and older|,|-CU| \(all\)/.test(a.line) && a.fixedBuild === 'none') continue; // expanded below
      let line = a.line;
      if (/^SP3 \(all/.test(line) || line === 'SP3') line = 'SP3';
      if (SP1_ALIAS.test(line)) line = 'SP1';
      const fixed = a.fixedBuild === 'none' ? null : a.fixedBuild;
      const e = { product: a.product, line, fixed, listed: !!a.listedInCveRecord };
      if (a.note) e.note = a.note;
      explicit.push(e);
    }
    // 2013 SP1 is listed only for 26857/27065; for 26855/26858 Microsoft's SP1 Mar21SU is treated as the fix.
    if (['CVE-2021-26855', 'CVE-2021-26858'].includes(c.id))
      explicit.push({
        product: 'Exchange Server 2013',
        line: 'SP1',
        fixed: '15.0.847.64',
        listed: false,
        note: 'The CVE record does not list Exchange 2013 SP1 for this CVE; we treat the SP1 March 2021 update (the only fix Microsoft shipped for SP1) as its fix.',
      });
  }
  // Expand: every line of a listed product below its newest listed line that is not listed never got a fix.
  for (const product of PRODUCTS) {
    const mine = explicit.filter((e) => e.product === product);
    if (mine.length === 0) continue;
    const ls = linesOf(product);
    const base = (line) => {
      const l = ls.find((x) => x.line === line);
      if (!l) throw new Error(`${c.id}: unknown line ${product} ${line}`);
      return l.base;
    };
    const top = mine
      .map((e) => base(e.line))
      .sort(cmp)
      .at(-1);
    for (const l of ls) {
      if (cmp(l.base, top) > 0) continue;
      const e = mine.find((x) => x.line === l.line);
      if (e) {
        const events = [{ introduced: '0' }];
        if (e.fixed) {
          const fix = { fixed: e.fixed };
          if (
            product === 'Exchange Server 2016' &&
            e.line === 'CU8' &&
            c.affected.some((a) => a.line === 'CU8' && a.note)
          )
            fix.disputedFrom = '15.1.1415.8';
          if (
            product === 'Exchange Server 2016' &&
            e.line === 'CU9' &&
            c.affected.some((a) => a.line === 'CU9' && a.note)
          )
            fix.disputedFrom = '15.1.1466.13';
          events.push(fix);
        }
        const r = { product, line: l.line, events, listed: e.listed };
        if (e.note) r.note = e.note;
        ranges.push(r);
      } else {
        ranges.push({
          product,
          line: l.line,
          events: [{ introduced: '0' }],
          listed: false,
          note: 'Not listed: this older CU never received a fix for this CVE.',
        });
      }
    }
  }
  const v = {
    id: c.id,
    nickname: c.nickname,
    families: FAMILY_OF[c.id] ?? ['other-kev'],
    summary: SUMMARY[c.id],
    kev: c.kev,
    kevDateAdded: c.kevDateAdded ?? null,
    published: c.published,
    fixInferred: inferred,
  };
  if (NOT_AFFECTED[c.id]) v.notAffected = NOT_AFFECTED[c.id];
  v.note = c.notes;
  v.sources = c.sources;
  v.ranges = ranges;
  if (!v.summary) throw new Error(`no summary for ${c.id}`);
  return v;
});

writeFileSync(
  new URL('vulnerabilities.json', out),
  JSON.stringify({ $schema: './vulnerabilities.schema.json', families: FAMILIES, vulnerabilities }, null, 2) + '\n',
);
console.log(`wrote ${releases.length} releases, ${vulnerabilities.length} vulnerabilities`);
