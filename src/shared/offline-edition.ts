/**
 * The offline edition: one HTML file with the checker (and the log scanner) that the build writes
 * next to the site (scripts/offline-edition.js). The build passes its file name, SHA-256 and size
 * to the pages, which show the hash beside every download link so an admin can verify a copy
 * carried across an air gap.
 */
export interface OfflineEdition {
  file: string;
  /** Hex SHA-256 of the file, upper case as Get-FileHash prints it. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
}

/** The built edition, or `null` where none was built (the dev server, unit tests). */
export function offlineEdition(): OfflineEdition | null {
  const { VITE_OFFLINE_FILE: file, VITE_OFFLINE_SHA256: sha256 } = import.meta.env;
  const bytes = Number(import.meta.env.VITE_OFFLINE_BYTES);
  if (typeof file !== 'string' || !/^[\w.-]+\.html$/.test(file)) return null;
  if (typeof sha256 !== 'string' || !/^[0-9A-F]{64}$/.test(sha256) || !(bytes > 0)) return null;
  return { file, sha256, bytes };
}
