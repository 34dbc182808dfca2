/** Where the task pane is running: inside an Office host, or in a plain browser tab. */
export type HostInfo =
  | { kind: 'office'; host: string; platform: string; isExcel: boolean }
  | { kind: 'standalone'; reason: 'no-office-js' | 'no-host' | 'timeout' };

function officeInfo(info: { host: unknown; platform: unknown }): HostInfo {
  if (!info.host) return { kind: 'standalone', reason: 'no-host' };
  return {
    kind: 'office',
    host: String(info.host),
    platform: String(info.platform ?? ''),
    isExcel: info.host === Office.HostType.Excel,
  };
}

/**
 * Reports where the pane runs, as soon as it is known: Office.onReady's answer. Outside Office,
 * onReady answers with host null; if office.js is not loaded at all (offline, blocked) the pane
 * is standalone at once. An onReady slower than `timeoutMs` (a slow Excel on the web) first
 * reports "standalone" so the page is usable, then reports again when Office answers.
 */
export function watchHost(onHost: (info: HostInfo) => void, timeoutMs = 5000): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    onHost({ kind: 'standalone', reason: 'no-office-js' });
    return;
  }
  let answered = false;
  const timer = setTimeout(() => {
    if (!answered) onHost({ kind: 'standalone', reason: 'timeout' });
  }, timeoutMs);
  Office.onReady()
    .then((info) => {
      clearTimeout(timer);
      const result = officeInfo(info);
      // After a timeout, only a real host is news.
      if (!answered || result.kind === 'office') onHost(result);
      answered = true;
    })
    .catch(() => {
      clearTimeout(timer);
      if (!answered) onHost({ kind: 'standalone', reason: 'no-host' });
      answered = true;
    });
}

/** The first answer of watchHost, as a promise. */
export function detectHost(timeoutMs = 5000): Promise<HostInfo> {
  return new Promise((resolve) => watchHost(resolve, timeoutMs));
}
