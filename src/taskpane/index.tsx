import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('PhuLuc: #root element missing from taskpane.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
