import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { finishOfflineEdition, offlinePolicy, withPolicy } from '../../../scripts/offline-edition.js';

const b64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const page = (head: string) => `<!doctype html><html><head><!--offline-csp-->${head}</head><body></body></html>`;

describe('offlinePolicy', () => {
  test('no network, no self, exactly the given hashes, blob: workers', () => {
    const csp = offlinePolicy(['AAA'], ['BBB', 'CCC']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'sha256-AAA'");
    expect(csp).toContain("style-src 'sha256-BBB' 'sha256-CCC'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toMatch(/'self'|unsafe/);
  });

  test('no styles means none allowed', () => {
    expect(offlinePolicy(['A'], [])).toContain("style-src 'none'");
  });
});

describe('withPolicy', () => {
  test('hashes every inline script and style exactly as written', () => {
    const js = 'console.log("x")';
    const css = 'body{color:red}';
    const html = withPolicy(page(`<script type="module">${js}</script><style>${css}</style>`));
    expect(html).toContain(`'sha256-${b64(js)}'`);
    expect(html).toContain(`'sha256-${b64(css)}'`);
    expect(html).not.toContain('<!--offline-csp-->');
  });

  test.each([
    ['a script loaded from a file', '<script src="a.js"></script><script>x</script>', /loads a script or stylesheet/],
    ['a linked stylesheet', '<link rel="stylesheet" href="a.css"><script>x</script>', /loads a script or stylesheet/],
    ['no script at all', '<style>a{}</style>', /no inline script/],
  ])('refuses %s', (_why, head, error) => {
    expect(() => withPolicy(page(head))).toThrow(error);
  });

  test('refuses a file without the placeholder', () => {
    expect(() => withPolicy('<html><head><script>x</script></head></html>')).toThrow(/placeholder/);
  });
});

test('finishOfflineEdition writes the file and gives its SHA-256 as Get-FileHash prints it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'offline-'));
  writeFileSync(join(dir, 'in.html'), page('<script>1</script>'));
  const result = finishOfflineEdition(join(dir, 'in.html'), join(dir, 'out.html'));
  const written = readFileSync(join(dir, 'out.html'));
  expect(result.sha256).toBe(createHash('sha256').update(written).digest('hex').toUpperCase());
  expect(result.sha256).toMatch(/^[0-9A-F]{64}$/);
  expect(result.bytes).toBe(written.length);
  expect(result.gzip).toBeGreaterThan(0);
});
