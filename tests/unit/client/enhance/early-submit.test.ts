/** src/client/enhance/early-submit.ts: a submit before the island hydrates is remembered, once marked. */
import { describe, expect, test, vi } from 'vitest';
import { rememberEarlySubmits } from '../../../../src/client/enhance/early-submit.ts';

function setup(attributes: string[]) {
  let handler: ((event: Event) => void) | null = null;
  const root = {
    addEventListener: (type: string, listener: (event: Event) => void) => {
      expect(type).toBe('submit');
      handler = listener;
    },
  } as unknown as Document;
  rememberEarlySubmits(root);
  const attrs = new Set(attributes);
  const form = {
    hasAttribute: (name: string) => attrs.has(name),
    setAttribute: (name: string) => void attrs.add(name),
  };
  const preventDefault = vi.fn();
  const submit = () => handler?.({ target: form, preventDefault } as unknown as Event);
  return { attrs, preventDefault, submit };
}

describe('rememberEarlySubmits', () => {
  test('a marked form: the submit is stopped and remembered', () => {
    const { attrs, preventDefault, submit } = setup(['data-early-submit']);
    submit();
    expect(attrs.has('data-submitted')).toBe(true);
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  test('an unmarked form (or one whose island took over) is left alone', () => {
    const { attrs, preventDefault, submit } = setup([]);
    submit();
    expect(attrs.has('data-submitted')).toBe(false);
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
