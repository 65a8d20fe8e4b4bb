// @ts-check
/**
 * Finishes the offline edition that vite.offline.config.ts built: gives the single HTML file a
 * Content-Security-Policy that allows exactly its own inline scripts and styles (by SHA-256) and
 * no network at all, writes it into the site as exchange-patch-check-offline.html, and returns its
 * SHA-256 for the download links.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The edition's file name in the site (and as the browser saves it). */
export const OFFLINE_FILE = 'exchange-patch-check-offline.html';

const sha256Base64 = (/** @type {string} */ text) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The policy for a file opened from disk: nothing but its own inline code. `'self'` means nothing
 * on file://, so it is never used; the log scanner's worker is a blob: made from inline code.
 * @param {string[]} scriptHashes @param {string[]} styleHashes
 */
export function offlinePolicy(scriptHashes, styleHashes) {
  const list = (/** @type {string[]} */ hashes) => hashes.map((h) => `'sha256-${h}'`).join(' ') || "'none'";
  return [
    "default-src 'none'",
    `script-src ${list(scriptHashes)}`,
    `style-src ${list(styleHashes)}`,
    'img-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/**
 * Adds the CSP to the built HTML. Throws when the file loads anything from outside itself.
 * @param {string} html the single file as Vite wrote it, with a `<!--offline-csp-->` placeholder
 */
export function withPolicy(html) {
  if (/<script\b[^>]*\bsrc=|<link\b[^>]*\brel="(?:stylesheet|modulepreload)"/i.test(html))
    throw new Error('the offline edition still loads a script or stylesheet from a file; everything must be inline');
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256Base64(m[1] ?? ''));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256Base64(m[1] ?? ''));
  if (scripts.length === 0) throw new Error('the offline edition has no inline script');
  if (!html.includes('<!--offline-csp-->')) throw new Error('offline.html lost its <!--offline-csp--> placeholder');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${offlinePolicy(scripts, styles)}" />`;
  return html.replace('<!--offline-csp-->', () => meta);
}

/**
 * @param {string} built path of the HTML file Vite built
 * @param {string} target path of the file to write into the site
 * @returns {{ sha256: string, bytes: number, gzip: number }}
 */
export function finishOfflineEdition(built, target) {
  const html = withPolicy(readFileSync(built, 'utf8'));
  writeFileSync(target, html);
  const bytes = Buffer.byteLength(html);
  return {
    // Upper-case hex, as PowerShell's Get-FileHash prints it.
    sha256: createHash('sha256').update(html, 'utf8').digest('hex').toUpperCase(),
    bytes,
    gzip: gzipSync(html, { level: 9 }).length,
  };
}
