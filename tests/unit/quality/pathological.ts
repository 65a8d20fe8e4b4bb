/**
 * Pathological pastes for the linear-time gate and the benchmark: each shape at any length, so time can be compared across sizes.
 * Shared by bench/pathological.bench.ts (figures) and tests/unit/quality/linear-time.test.ts (gate).
 */
const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

export const SHAPES: Record<string, (n: number) => string> = {
  'long digit run': (n) => repeat('9', n),
  'repeated "15."': (n) => repeat('15.', n),
  'endless dots': (n) => repeat('.', n),
  'digit-dot pairs "1.1.1…"': (n) => repeat('1.', n),
  'near-builds "15.1.2176.9.9.9.9"': (n) => repeat('15.1.2176.9.9.9.9', n),
  'digit runs between dots': (n) => repeat(`${'1'.repeat(40)}.`, n),
};

export const MB = 1_000_000;
