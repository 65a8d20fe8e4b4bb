/**
 * Files from a drop or a file input, with the path each came from. A dropped folder is walked
 * through the File and Directory Entries API (`webkitGetAsEntry`), which every current browser
 * has; a folder chosen with `<input webkitdirectory>` already lists its files with
 * `webkitRelativePath`.
 */

/** One file to scan and where it came from (`W3SVC1/u_ex210303.log`). */
export interface PickedFile {
  file: File;
  path: string;
}

/** Most files one scan takes: a folder tree larger than this is most likely not a log folder. */
export const MAX_FILES = 50_000;

/** The parts of the File and Directory Entries API used here (so tests can stand in for it). */
export interface FileEntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: FileEntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}

/** What a drop holds: files to scan, and how many more were left out (over MAX_FILES or unreadable). */
export interface Picked {
  files: PickedFile[];
  leftOut: number;
  unreadable: string[];
}

/** `/logs/W3SVC1/u_ex.log` → `logs/W3SVC1/u_ex.log` */
const relative = (path: string): string => path.replace(/^\/+/, '');

/** Files chosen with an input (a folder's files carry their path inside it). */
export function fromInput(list: FileList | readonly File[]): Picked {
  const all = [...list];
  return {
    files: all.slice(0, MAX_FILES).map((file) => ({ file, path: file.webkitRelativePath || file.name })),
    leftOut: Math.max(0, all.length - MAX_FILES),
    unreadable: [],
  };
}

/**
 * The entries of a drop. Must run inside the drop event: the browser empties the DataTransfer once
 * the handler returns. Items without an entry (some browsers for some sources) fall back to their File.
 */
export function dropEntries(data: DataTransfer): (FileEntryLike | File)[] {
  const out: (FileEntryLike | File)[] = [];
  for (const item of [...data.items]) {
    if (item.kind !== 'file') continue;
    const entry = (item.webkitGetAsEntry?.() ?? null) as FileEntryLike | null;
    const file = entry ? null : item.getAsFile();
    if (entry) out.push(entry);
    else if (file) out.push(file);
  }
  if (out.length === 0) out.push(...data.files);
  return out;
}

const fileOf = (entry: FileEntryLike): Promise<File> =>
  new Promise((resolve, reject) => {
    if (!entry.file) reject(new Error('not a file'));
    else entry.file(resolve, reject);
  });

/** Every entry of a folder: readEntries answers in batches (100 in Chromium) until an empty one. */
async function children(entry: FileEntryLike): Promise<FileEntryLike[]> {
  const reader = entry.createReader?.();
  if (!reader) return [];
  const all: FileEntryLike[] = [];
  for (;;) {
    const batch = await new Promise<FileEntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Walks dropped files and folders, depth first in the order given, up to MAX_FILES files. */
export async function walkEntries(entries: readonly (FileEntryLike | File)[], max = MAX_FILES): Promise<Picked> {
  const picked: Picked = { files: [], leftOut: 0, unreadable: [] };
  const visit = async (entry: FileEntryLike | File): Promise<void> => {
    if (typeof File !== 'undefined' && entry instanceof File) {
      if (picked.files.length < max) picked.files.push({ file: entry, path: entry.name });
      else picked.leftOut++;
      return;
    }
    const e = entry as FileEntryLike;
    if (e.isDirectory) {
      let list: FileEntryLike[];
      try {
        list = await children(e);
      } catch {
        picked.unreadable.push(relative(e.fullPath) || e.name);
        return;
      }
      for (const child of list) await visit(child);
    } else if (e.isFile) {
      if (picked.files.length >= max) {
        picked.leftOut++;
        return;
      }
      try {
        picked.files.push({ file: await fileOf(e), path: relative(e.fullPath) || e.name });
      } catch {
        picked.unreadable.push(relative(e.fullPath) || e.name);
      }
    }
  };
  for (const entry of entries) await visit(entry);
  return picked;
}
