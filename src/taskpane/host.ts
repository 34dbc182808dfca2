/** Where the task pane is running: inside an Office host, or in a plain browser tab. */
export type HostInfo =
  | { kind: 'office'; host: string; platform: string; isExcel: boolean }
  | { kind: 'standalone'; reason: 'no-office-js' | 'no-host' | 'timeout' };

/**
 * Waits for Office.onReady and reports the host. Outside Office, onReady resolves with
 * host null; if office.js is not loaded at all we are standalone straight away. The timeout
 * guards against an onReady that never settles (e.g. a broken host bridge).
 */
export function detectHost(timeoutMs = 5000): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return Promise.resolve({ kind: 'standalone', reason: 'no-office-js' });
  }
  return new Promise<HostInfo>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'standalone', reason: 'timeout' }), timeoutMs);
    Office.onReady()
      .then((info) => {
        clearTimeout(timer);
        if (info.host) {
          resolve({
            kind: 'office',
            host: String(info.host),
            platform: String(info.platform ?? ''),
            isExcel: info.host === Office.HostType.Excel,
          });
        } else {
          resolve({ kind: 'standalone', reason: 'no-host' });
        }
      })
      .catch(() => {
        clearTimeout(timer);
        resolve({ kind: 'standalone', reason: 'no-host' });
      });
  });
}
