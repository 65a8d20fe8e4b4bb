/**
 * analyse() fails closed: when the parser throws, the answer is status 'error' with a plain message,
 * never a reassuring "nothing found"; and the fuzzers' property fails on it, so a fault that only
 * rare input triggers cannot pass the fuzz tests unseen.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyse, ERROR_MESSAGE } from '../../../src/checker/index.ts';
import { assertSane, buildish, digitsAndDots, mutated } from './fuzz-properties.ts';

const fault = vi.hoisted(() => ({ on: false }));

// A parser that throws on one input in seven (by length), once `fault.on` is set.
vi.mock('../../../src/checker/parse-input.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/checker/parse-input.ts')>();
  return {
    ...real,
    findVersions: (text: string) => {
      if (fault.on && text.length % 7 === 3) throw new Error('injected fault');
      return real.findVersions(text);
    },
  };
});

afterEach(() => {
  fault.on = false;
});

describe('analyse fails closed', () => {
  test('without a fault, the same text is read normally', () => {
    const r = analyse('15.1.2176.9 x');
    expect(r.status).toBe('ok');
  });

  test("a throwing parser gives status 'error', the plain message and the cause — never 'none-found'", () => {
    fault.on = true;
    const r = analyse('15.1.2176.9 x'); // 13 characters: 13 % 7 === 6
    expect(r.status).toBe('ok');
    const broken = analyse('15.1.2176.9'); // 11 characters: 11 % 7 === 4
    expect(broken.status).toBe('ok');
    const failing = analyse('15.1.2176.'); // 10 characters: 10 % 7 === 3
    expect(failing).toEqual({
      status: 'error',
      message: ERROR_MESSAGE,
      findings: [],
      detail: 'Error: injected fault',
    });
    expect(ERROR_MESSAGE).toMatch(/nothing was sent anywhere/);
  });

  test.each([
    ['random unicode text', fc.string({ maxLength: 60, unit: 'grapheme' })],
    ['digits, dots and spaces', digitsAndDots],
    ['mutated real pastes', mutated],
    ['random dotted numbers with prefixes', buildish],
  ])('the fuzz property over %s fails when the parser throws', (_name, inputs) => {
    fault.on = true;
    let failure: unknown = null;
    try {
      fc.assert(
        fc.property(inputs, (s) => assertSane(s, analyse)),
        { numRuns: 2_000 },
      );
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).toMatch(/Property failed/);
    // fast-check keeps the property's own failure as the cause: the 'error' status, with its detail.
    expect(String((failure as Error).cause)).toMatch(/injected fault/);
  });

  test.each([
    ['digits, dots and spaces', digitsAndDots],
    ['mutated real pastes', mutated],
  ])('and holds over %s once the fault is gone', (_name, inputs) => {
    fc.assert(
      fc.property(inputs, (s) => assertSane(s, analyse)),
      { numRuns: 500 },
    );
  });
});
