// The browser's side of the pane: downloads and storage, guarded for locked-down webviews.

import type { BrowserPort } from './model/ports';
import type { KeyValueStorage } from './model/settings';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const browserPort: BrowserPort = {
  download(bytes, fileName, type = XLSX_TYPE) {
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const url = URL.createObjectURL(new Blob([copy.buffer], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the object URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

/** localStorage when the page may use it (some Office webviews and private modes forbid it). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = '__phuluc_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
