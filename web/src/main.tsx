import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadInitialLanguage } from './i18n/i18n-context.tsx';
// The dossier styles (badges, timeline) serve several modules' pages, the public tracking page
// among them; they used to arrive through the dossiers barrel, which the shell no longer loads.
import './modules/dossiers/dossiers.css';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// A reader who chose English gets it on the first paint, not Vietnamese then English.
void loadInitialLanguage().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
