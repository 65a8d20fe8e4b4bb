/**
 * The site's few icons as SVG path data (24 × 24, drawn with round strokes in the current colour),
 * so they render the same everywhere: emoji and symbol fonts are missing on many server desktops.
 * Icons only repeat what words say; they are always hidden from assistive technology.
 */
export const ICON_PATHS = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  question: 'M9 9.2a3 3 0 1 1 4.4 2.6c-.9.5-1.4 1.1-1.4 2v.7M12 18.3v.01',
  info: 'M12 11v6.5M12 6.8v.01',
  warning: 'M12 5.5v8.5M12 18.3v.01',
  lock: 'M6 11h12v9.5H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  file: 'M14 3.5H7a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V7.5zM14 3.5v4h4M9 13h6M9 16.5h6',
  'sort-up': 'M7 14.5l5-5 5 5',
  'sort-down': 'M7 9.5l5 5 5-5',
  sort: 'M8 9.5l4-4 4 4M8 14.5l4 4 4-4',
} as const satisfies Record<string, string>;

export type IconName = keyof typeof ICON_PATHS;
