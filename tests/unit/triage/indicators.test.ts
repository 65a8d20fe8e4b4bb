/** Published indicators: well-formed, unique, and the counts the sources give. */
import { describe, expect, test } from 'vitest';
import {
  MSTIC_FEED_PATHS,
  MSTIC_FEED_SHA256,
  MS_BLOG_WEBSHELL_SHA256,
  VOLEXITY_IPS,
  VOLEXITY_WEBSHELL_SHA256,
  WEBSHELL_QUERY_KEYWORDS,
  normaliseUa,
} from '../../../src/triage/indicators.ts';

describe('indicators', () => {
  test('hashes are lower-case SHA-256, unique per list', () => {
    for (const list of [MS_BLOG_WEBSHELL_SHA256, MSTIC_FEED_SHA256, VOLEXITY_WEBSHELL_SHA256]) {
      for (const h of list) expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(list).size).toBe(list.length);
    }
  });
  test('counts as published: 8 in the blog, 14 in the feed, 17 together', () => {
    expect(MS_BLOG_WEBSHELL_SHA256).toHaveLength(8);
    expect(MSTIC_FEED_SHA256).toHaveLength(14);
    expect(new Set([...MS_BLOG_WEBSHELL_SHA256, ...MSTIC_FEED_SHA256]).size).toBe(17);
  });
  test('the feed paths: 42 unique, all absolute Windows paths', () => {
    expect(new Set(MSTIC_FEED_PATHS.map((p) => p.toLowerCase())).size).toBe(42);
    for (const p of MSTIC_FEED_PATHS) expect(p).toMatch(/^C:\\/);
  });
  test('addresses are IPv4, 15 of them', () => {
    expect(VOLEXITY_IPS).toHaveLength(15);
    for (const ip of VOLEXITY_IPS) expect(ip.split('.').every((o) => +o >= 0 && +o <= 255)).toBe(true);
  });
  test('Sigma keywords: 36, each starting with =', () => {
    expect(WEBSHELL_QUERY_KEYWORDS).toHaveLength(36);
    for (const k of WEBSHELL_QUERY_KEYWORDS) expect(k.startsWith('=')).toBe(true);
  });
  test('user agents compare the same from IIS and HttpProxy logs', () => {
    expect(normaliseUa('Mozilla/5.0+(X11;+Linux)+(KHTML,+like+Gecko)')).toBe(
      normaliseUa('Mozilla/5.0 (X11; Linux) (KHTML  like Gecko)'),
    );
  });
});
