/**
 * What to do next, twice: one plain sentence for a business owner, exact builds/KBs for IT staff.
 */
import { compareBuilds, mustParse } from './compare-builds.ts';
import { shortProductName } from './short-name.ts';
import { linesOf, type Line } from './releases.ts';
import type { FamilyStatus, LifecycleResult, NextStep, Product, Release } from './types.ts';

export const EXSETUP_COMMAND = 'Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }';

const short = shortProductName;
const kbPart = (r: Release) => (r.kb ? `, ${r.kb}` : '');
/**
 * The update we recommend is the newest one a Microsoft-maintained source confirms: a build known
 * only from a third-party post could be mistyped. A newer third-party-only build is mentioned, so
 * the admin can look for it on Microsoft's page.
 */
function confirmedNewest(line: Line): Release {
  return line.releases.filter((r) => r.confidence !== 'third-party').at(-1) ?? line.newest;
}
const newerReported = (line: Line, target: Release): string => {
  if (line.newest === target) return '';
  const r = line.newest;
  return ` A newer update, ${r.update ?? r.name} (${r.build}${kbPart(r)}), is known to us only from a third-party report: install it instead if Microsoft's build-number page lists it.`;
};

/** The serviced line to move to: the newest line that still got the product's latest update. */
function targetLine(line: Line): Line {
  if (line.serviced) return line;
  const serviced = linesOf(line.product).filter((l) => l.serviced);
  return serviced.at(-1) ?? line;
}

function migration(product: Product, lifecycle: LifecycleResult | null): string[] {
  if (product === 'Exchange Server 2010' || product === 'Exchange Server 2013')
    return [
      `${short(product)} is out of support: move the mailboxes to Exchange Server SE (through a supported intermediate version) or to Exchange Online, then retire this server.`,
    ];
  if (product === 'Exchange Server 2019' && lifecycle && lifecycle.status !== 'supported')
    return [
      'Upgrade in place to Exchange Server SE (supported from Exchange 2019 CU14 or CU15), or move to Exchange Online.',
    ];
  if (product === 'Exchange Server 2016' && lifecycle && lifecycle.status !== 'supported')
    return [
      'Move to Exchange Server SE on a new server (Exchange 2016 cannot be upgraded in place), or to Exchange Online.',
    ];
  return [];
}

export interface NextStepInput {
  product: Product | null;
  line: Line | null;
  exact: boolean;
  build: string;
  overall: FamilyStatus;
  lifecycle: LifecycleResult | null;
  newerThanData: boolean;
  dataAsOf: string;
}

/**
 * @example nextStep({ product: 'Exchange Server SE', line, exact: true, build: '15.2.2562.17', overall: 'vulnerable', lifecycle, newerThanData: false, dataAsOf }).it
 * // 'Install Exchange Server SE RTM Aug26SU (15.2.2562.46, KB…) or later. A newer update, Sep26SUv2 … third-party report …'
 */
export function nextStep(x: NextStepInput): NextStep {
  if (x.product === null)
    return {
      owner:
        "This is Exchange Online, Microsoft's cloud service: Microsoft keeps it patched, and it was not affected by ProxyLogon.",
      it: 'Nothing to install: Microsoft updates Exchange Online.',
      target: null,
      upgradePath: [],
      command: null,
    };
  const command = x.exact ? null : EXSETUP_COMMAND;
  const outOfSupport = x.lifecycle !== null && x.lifecycle.status !== 'supported' && x.lifecycle.status !== 'modern';
  const owner =
    x.overall === 'vulnerable'
      ? 'This server is missing security fixes for bugs that attackers are known to use: ask your IT provider to update it today and to check it for signs of a break-in.'
      : x.overall === 'unknown'
        ? 'We cannot tell from this text whether all security updates are installed: ask your IT provider for the exact build number (the command is below) and check again.'
        : outOfSupport
          ? 'This server has the fixes we track, but its Exchange version no longer gets regular security updates: plan the move to Exchange Server SE or Microsoft 365 now.'
          : "This server has the fixes for the attacks we track: keep installing Microsoft's monthly updates, and have it checked once for signs of an earlier break-in.";
  if (!x.line) {
    return {
      owner,
      it: `We could not match ${x.build} to a known ${short(x.product)} update. Run \`${EXSETUP_COMMAND}\` on the server and compare the build with Microsoft's build-number list.`,
      target: null,
      upgradePath: migration(x.product, x.lifecycle),
      command: EXSETUP_COMMAND,
    };
  }
  const to = targetLine(x.line);
  const target = confirmedNewest(to);
  const upgradePath: string[] = [];
  let it: string;
  const atNewest = x.exact && compareBuilds(mustParse(x.build), mustParse(target.build)) >= 0;
  if (to !== x.line) {
    upgradePath.push(
      `Install ${to.base.name} (${to.base.build}${kbPart(to.base)}).`,
      `Then install its newest update, ${target.name} (${target.build}${kbPart(target)}).`,
    );
    it = `Your CU (${x.line.line}) no longer receives updates. Install ${to.base.name} (${to.base.build}${kbPart(to.base)}), then ${target.update ?? 'its newest update'} (${target.build}${kbPart(target)}) or later.${newerReported(to, target)}`;
  } else if (atNewest) {
    it = `No update to install: ${x.build} is the newest build we know for ${short(x.product)} ${x.line.line} (data as of ${x.dataAsOf}).`;
    if (compareBuilds(mustParse(x.build), to.newestBuild) < 0) it += newerReported(to, target);
  } else {
    it = `Install ${target.name} (${target.build}${kbPart(target)}) or later.${newerReported(to, target)}`;
  }
  if (!x.exact)
    it = `Run \`${EXSETUP_COMMAND}\` on the server to read its exact build. ${to === x.line ? 'If it is older than ' + target.build + ', install ' + target.name + (target.kb ? ' (' + target.kb + ')' : '') + '.' : it}`;
  if (x.newerThanData)
    it += ` This build is newer than our data (as of ${x.dataAsOf}); check Microsoft's build-number page for anything newer.`;
  const move = migration(x.product, x.lifecycle);
  upgradePath.push(...move);
  if (move.length > 0) it += ` ${move.join(' ')}`;
  return { owner, it, target, upgradePath, command };
}
