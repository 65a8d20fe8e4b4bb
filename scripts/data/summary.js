// @ts-check
/**
 * The updater's report as Markdown, for the terminal, the workflow's step summary and the body of
 * the pull request it opens.
 */

/** @typedef {import('./merge.js').Report} Report */

/** Table cells: no pipes or line breaks from source text. */
const cell = (/** @type {string | null} */ s) => (s ?? '–').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * @param {string} title
 * @param {readonly string[]} items
 * @returns {string[]}
 */
function list(title, items) {
  if (items.length === 0) return [];
  return [`### ${title} (${items.length})`, '', ...items.map((i) => `- ${i}`), ''];
}

/**
 * @param {Report} report
 * @param {{ failed?: string | null }} [options] `failed`: why the run stopped (nothing was written)
 * @returns {string}
 */
export function renderSummary(report, options = {}) {
  const lines = [`## Exchange build data: update of ${report.today}`, ''];
  if (options.failed) lines.push(`**The update failed and wrote nothing:** ${options.failed}`, '');
  if (report.read.length > 0) lines.push('Sources read:', '', ...report.read.map((r) => `- ${r}`), '');

  const nothing =
    report.added.length +
      report.changed.length +
      report.vulnerabilitiesAdded.length +
      report.vulnerabilitiesChanged.length ===
    0;
  if (nothing && !options.failed) lines.push('No change: the data already matches every source read.', '');

  if (report.added.length > 0) {
    lines.push(`### Releases added (${report.added.length})`, '');
    lines.push('| Release | Build | Date | KB | Source |', '| --- | --- | --- | --- | --- |');
    for (const a of report.added)
      lines.push(
        `| ${cell(a.name)} | ${cell(a.build)} | ${cell(a.date)} | ${cell(a.kb)} | ${cell(a.sources.join('; '))} |`,
      );
    lines.push('');
  }
  if (report.changed.length > 0) {
    lines.push(`### Releases updated or confirmed (${report.changed.length})`, '');
    lines.push('| Release | Build | Change |', '| --- | --- | --- |');
    for (const c of report.changed)
      lines.push(`| ${cell(c.name)} | ${cell(c.build)} | ${cell(c.changes.join('; '))} |`);
    lines.push('');
  }
  if (report.vulnerabilitiesAdded.length > 0) {
    lines.push(`### Exploited CVEs added (${report.vulnerabilitiesAdded.length})`, '');
    for (const v of report.vulnerabilitiesAdded)
      lines.push(
        `- **${v.id}** (${v.name}), in CISA's KEV catalog since ${v.kevDateAdded}. Fixed: ${v.fixes.join('; ')}.`,
      );
    lines.push('', 'Their summaries are CISA\u2019s descriptions: rewrite them in plain words before merging.', '');
  }
  lines.push(...list('CVEs updated', report.vulnerabilitiesChanged));
  lines.push(...list('Conflicts: the run failed', report.conflicts));
  lines.push(...list('Errors: the run failed', report.errors));
  lines.push(...list('Needs a person (not applied)', report.attention));
  lines.push(
    ...list("Differences from Microsoft's CVE records (not applied; our ranges' notes say why)", report.differences),
  );
  lines.push(...list('Known source errors skipped', report.ignored));
  lines.push(...list('Notes', report.notes));
  return lines.join('\n').replace(/\n+$/, '\n');
}
