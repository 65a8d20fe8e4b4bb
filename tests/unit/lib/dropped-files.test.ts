import { describe, expect, test } from 'vitest';
import { fromInput, walkEntries, type FileEntryLike } from '../../../src/lib/dropped-files.ts';

const fileEntry = (fullPath: string, fail = false): FileEntryLike => ({
  isFile: true,
  isDirectory: false,
  name: fullPath.split('/').at(-1) ?? '',
  fullPath,
  file: (ok, bad) => (fail ? bad?.(new Error('gone')) : ok(new File([fullPath], fullPath.split('/').at(-1) ?? ''))),
});

/** A folder whose reader answers in batches of `batch`, as Chromium answers in batches of 100. */
const folder = (fullPath: string, children: FileEntryLike[], batch = 2): FileEntryLike => ({
  isFile: false,
  isDirectory: true,
  name: fullPath.split('/').at(-1) ?? '',
  fullPath,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const next = children.slice(at, at + batch);
        at += batch;
        setTimeout(() => ok(next));
      },
    };
  },
});

describe('walkEntries', () => {
  test('walks nested folders, reading every batch, with paths relative to the drop', async () => {
    const drop = [
      folder('/logs', [
        folder('/logs/W3SVC1', [
          fileEntry('/logs/W3SVC1/a.log'),
          fileEntry('/logs/W3SVC1/b.log'),
          fileEntry('/logs/W3SVC1/c.log'),
        ]),
        fileEntry('/logs/readme.txt'),
      ]),
      new File(['x'], 'loose.log'),
    ];
    const picked = await walkEntries(drop);
    expect(picked.files.map((f) => f.path)).toEqual([
      'logs/W3SVC1/a.log',
      'logs/W3SVC1/b.log',
      'logs/W3SVC1/c.log',
      'logs/readme.txt',
      'loose.log',
    ]);
    expect(picked.leftOut).toBe(0);
    expect(await picked.files[0]!.file.text()).toBe('/logs/W3SVC1/a.log');
  });

  test('stops at the file limit and counts what it left out', async () => {
    const picked = await walkEntries(
      [
        folder(
          '/d',
          [1, 2, 3, 4, 5].map((n) => fileEntry(`/d/${n}.log`)),
        ),
      ],
      3,
    );
    expect(picked.files).toHaveLength(3);
    expect(picked.leftOut).toBe(2);
  });

  test('a file or folder that cannot be opened is named, the rest still read', async () => {
    const broken: FileEntryLike = {
      ...folder('/locked', []),
      createReader: () => ({ readEntries: (_ok, bad) => bad?.(new Error('denied')) }),
    };
    const picked = await walkEntries([fileEntry('/gone.log', true), broken, fileEntry('/fine.log')]);
    expect(picked.unreadable).toEqual(['gone.log', 'locked']);
    expect(picked.files.map((f) => f.path)).toEqual(['fine.log']);
  });
});

test('fromInput keeps a chosen folder’s relative paths, and plain names otherwise', () => {
  const inFolder = new File(['a'], 'u_ex210303.log');
  Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'logs/W3SVC1/u_ex210303.log' });
  const picked = fromInput([inFolder, new File(['b'], 'listing.txt')]);
  expect(picked.files.map((f) => f.path)).toEqual(['logs/W3SVC1/u_ex210303.log', 'listing.txt']);
  expect(picked.leftOut).toBe(0);
});
