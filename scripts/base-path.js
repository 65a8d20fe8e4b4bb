// @ts-check
/**
 * Normalises the BASE_PATH setting to "/" or "/segment/…/".
 * @example normaliseBase('exchange-patch-check') // '/exchange-patch-check/'
 * @param {string | undefined} value
 * @returns {string}
 */
export function normaliseBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a URL path like /my-repo/ (got ${JSON.stringify(value)})`);
  }
  return `/${trimmed}/`;
}
