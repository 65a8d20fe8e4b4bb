/**
 * The one order of statuses, worst first. Every ranking of statuses — a verdict's overall status,
 * the results table's sort, the /builds/ page — uses these, so "worst" means the same everywhere.
 */
import type { FamilyStatus, LifecycleStatus } from './types.ts';

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
