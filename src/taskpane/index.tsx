import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserPort, browserStorage } from './browser';
import { watchHost } from './host';
import { loadSample, modules } from './lazy';
import { PaneStore } from './model/store';

// The page's first script (old-host.js) marks a host that cannot run the pane and shows what to
// do instead; the pane then stays out of its way.
const page = document.documentElement;
if (page.getAttribute('data-phuluc') !== 'old-host') start();

function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('PhuLuc: #root element missing from taskpane.html');

  const store = new PaneStore({
    modules,
    browser: browserPort,
    storage: browserStorage(),
    sample: loadSample,
  });

  createRoot(container).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
  // Tells old-host.js that the pane runs.
  page.setAttribute('data-phuluc', 'started');

  // Inside Excel, the pane reads the selection and writes the workbook through Office.js; outside
  // (no host, or office.js could not load) it is the standalone page.
  let connected = false;
  watchHost((host) => {
    store.setHost(host);
    if (host.kind === 'office' && host.isExcel && !connected) {
      connected = true;
      void import(/* webpackChunkName: "excel" */ './excel/connect')
        .then(({ connectExcel }) => connectExcel(store))
        .catch((error: unknown) => store.reportError(error));
    }
  });
}
