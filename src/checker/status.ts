/**
 * The one order of statuses, worst first. Every ranking of statuses — a verdict's overall status,
 * the results table's sort, the /builds/ page — uses these, so "worst" means the same everywhere.
 */
import type { Attention, FamilyStatus, LifecycleStatus } from './types.ts';

/** Family (and verdict) statuses, worst first. */
export const STATUS_ORDER: readonly FamilyStatus[] = ['vulnerable', 'unknown', 'patched', 'not-affected'];

/** Support statuses, worst first. */
export const SUPPORT_ORDER: readonly LifecycleStatus[] = [
  'out-of-support',
  'extended-security-updates',
  'supported',
  'modern',
];

/**
 * Sort key of a status: 0 for the worst. Unknown inputs (a `null` lifecycle) sort last.
 * @example statusRank('vulnerable') // 0
 */
export function statusRank(status: FamilyStatus): number {
  return STATUS_ORDER.indexOf(status);
}

/** @example supportRank('out-of-support') // 0 */
export function supportRank(status: LifecycleStatus | null): number {
  return status === null ? SUPPORT_ORDER.length : SUPPORT_ORDER.indexOf(status);
}

/**
 * Worst of several statuses: vulnerable > unknown > patched > not-affected; `not-affected` for none.
 * @example worst(['patched', 'unknown']) // 'unknown'
 */
export function worst(statuses: readonly FamilyStatus[]): FamilyStatus {
  let rank = STATUS_ORDER.length - 1;
  for (const s of statuses) rank = Math.min(rank, statusRank(s));
  return STATUS_ORDER[rank] ?? 'unknown';
}

/** Standings at a glance, worst first (sorting by "needs attention"). */
export const ATTENTION_ORDER: readonly Attention[] = ['act', 'check', 'ok', 'not-affected'];

/** @example attentionRank('act') // 0 */
export function attentionRank(value: Attention): number {
  return ATTENTION_ORDER.indexOf(value);
}

/**
 * A server's standing from its overall status and its support today (`null` when support is not
 * known). Out of support means no more security fixes, so it counts as badly as a known
 * vulnerability; paid Extended Security Updates only, or unknown support, as "check". The one
 * place this is decided: the UI shows it and never combines statuses itself.
 * @example attention('patched', 'out-of-support') // 'act'
 * @example attention('patched', 'extended-security-updates') // 'check'
 * @example attention('not-affected', null) // 'not-affected'
 */
export function attention(overall: FamilyStatus, support: LifecycleStatus | null): Attention {
  if (overall === 'vulnerable' || support === 'out-of-support') return 'act';
  // Exchange Online has no lifecycle: Microsoft runs and patches it.
  if (overall === 'not-affected' && support === null) return 'not-affected';
  if (overall === 'unknown' || support === null || support === 'extended-security-updates') return 'check';
  return 'ok';
}
