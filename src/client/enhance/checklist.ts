/**
 * Makes Markdown task lists tickable and remembers the ticks in this browser only
 * (localStorage, keyed by page and item text). Nothing is sent anywhere.
 */
const PREFIX = 'epc-checklist:';

function safeStorage(getStorage: () => Storage): Storage | null {
  try {
    const storage = getStorage();
    storage.getItem(PREFIX); // throws when storage is blocked
    return storage;
  } catch {
    return null;
  }
}

export function enhanceChecklists(root: ParentNode, getStorage: () => Storage, page: string): void {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input.task-checkbox')];
  if (boxes.length === 0) return;
  const storage = safeStorage(getStorage);
  const key = `${PREFIX}${page}`;
  let saved: Record<string, boolean> = {};
  try {
    saved = JSON.parse(storage?.getItem(key) ?? '{}') as Record<string, boolean>;
  } catch {
    saved = {};
  }
  for (const box of boxes) {
    const id = box.closest('li')?.textContent?.trim().slice(0, 120) ?? '';
    box.disabled = false;
    if (saved[id]) box.checked = true;
    box.addEventListener('change', () => {
      saved[id] = box.checked;
      storage?.setItem(key, JSON.stringify(saved));
    });
  }
  const reset = root.querySelector<HTMLButtonElement>('[data-checklist-reset]');
  if (reset) {
    reset.hidden = false;
    reset.addEventListener('click', () => {
      saved = {};
      storage?.removeItem(key);
      for (const box of boxes) box.checked = false;
    });
  }
}
