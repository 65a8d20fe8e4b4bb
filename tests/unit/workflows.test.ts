/**
 * GitHub workflows (.github/workflows/*.yml): every file parses, declares its permissions and pins its
 * actions; the data-update workflow runs the updater, the tests and the build, and opens one pull
 * request only when the data changed. (actionlint is not on npm; this checks what we rely on.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Workflow {
  name?: string;
  on?: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs?: Record<string, { 'runs-on'?: string; steps?: Step[]; permissions?: unknown }>;
}

const DIR = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  return { text, wf: parse(text) as Workflow };
};

test('the workflows folder holds ci, deploy and data-update', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'data-update.yml']));
});

describe.each(files)('%s', (file) => {
  const { wf } = load(file);
  const steps = Object.values(wf.jobs ?? {}).flatMap((j) => j.steps ?? []);

  test('has a name, triggers and at least one job with steps on a runner', () => {
    expect(wf.name).toEqual(expect.any(String));
    expect(Object.keys(wf.on ?? {}).length).toBeGreaterThan(0);
    const jobs = Object.values(wf.jobs ?? {});
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) {
      expect(j['runs-on']).toEqual(expect.any(String));
      expect(j.steps?.length).toBeGreaterThan(0);
    }
  });

  test('declares its token permissions at the top (least privilege, never the broad default)', () => {
    expect(wf.permissions).toEqual(expect.any(Object));
    for (const level of Object.values(wf.permissions ?? {})) expect(['read', 'write', 'none']).toContain(level);
  });

  test('pins every action to a major version or a commit', () => {
    for (const s of steps)
      if (s.uses) expect(s.uses, s.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });

  test('lets no step fail silently', () => {
    for (const s of steps) expect(s['continue-on-error'], s.name ?? s.run).toBeUndefined();
  });
});

describe('data-update.yml', () => {
  const { text, wf } = load('data-update.yml');
  const steps = wf.jobs?.update?.steps ?? [];
  const runs = steps.map((s) => s.run ?? '');
  const indexOf = (command: string) =>
    runs.findIndex((r) => r.split('\n').some((line) => line.trim().startsWith(command)));

  test('runs daily on a schedule and by hand', () => {
    const schedule = wf.on?.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    expect(schedule[0]!.cron.trim().split(/\s+/)).toHaveLength(5);
    expect(schedule[0]!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
  });

  test('has exactly the permissions it needs: push a branch, open a pull request', () => {
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  test('runs npm ci, the updater with --summary, the unit tests and the build, in that order', () => {
    const order = ['npm ci', 'npm run data:update -- --summary summary.md', 'npm run test:unit', 'npm run build'].map(
      indexOf,
    );
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the updater, tests and build always run and fail the job (no "if", tests piped with pipefail)', () => {
    for (const command of ['npm run data:update', 'npm run test:unit', 'npm run build']) {
      const step = steps[indexOf(command)]!;
      expect(step.if, command).toBeUndefined();
      // GitHub runs `shell: bash` with -eo pipefail, so "| tee" keeps the command's exit code.
      if (step.run?.includes('|')) expect(step.shell, command).toBe('bash');
    }
  });

  test('opens or updates one pull request, only when git diff shows the data changed', () => {
    const diff = steps.find((s) => s.run?.includes('git diff --quiet -- src/data'));
    expect(diff).toBeDefined();
    const pr = steps.find((s) => s.run?.includes('gh pr create'))!;
    expect(pr.if).toMatch(/steps\.diff\.outputs\.changed == 'true'/);
    expect(pr.run).toContain('gh pr edit');
    expect(pr.run).toContain('--body-file pr-body.md');
    expect(pr.run).toContain('cat summary.md');
    expect(pr.run).toMatch(/test-output\.txt/);
    expect(pr.run).toContain('git add src/data');
    expect(pr.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(indexOf('npm run build')).toBeLessThan(steps.indexOf(pr));
  });

  test('explains why it runs the checks itself', () => {
    expect(text).toMatch(/GITHUB_TOKEN do not trigger other workflows/);
  });

  test('shows the summary on the run page even when the update failed', () => {
    const show = steps.find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(show?.if).toBe('always()');
  });
});
