// The foundation and the shared classes first: every feature's stylesheet comes after them.
import './base.css';
import './shared.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { LockProvider } from './lock/LockProvider.tsx';
import { PresentationProvider } from './presentation/PresentationProvider.tsx';
import { ProfilesProvider } from './profiles/ProfilesProvider.tsx';
import { chooseTransport } from './transport/choose.ts';
import { isPrintHash } from '../../core/shared/plan-print-route.ts';
import { PrintPlan } from './plan/PrintPlan.tsx';

// Before anything renders: Electron's preload bridge, or the preview server's HTTP bridge.
chooseTransport();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// Opened straight onto the printed plan (the CLI's printer, a browser's print): the print view
// alone, without the window's lock screen and chrome; the handlers still refuse a locked profile.
const printOnly = isPrintHash(window.location.hash);

createRoot(root).render(
  <StrictMode>
    <PresentationProvider>
      <I18nProvider>
        <ProfilesProvider>
          {printOnly ? (
            <PrintPlan locked={false} toolbar={false} />
          ) : (
            <LockProvider>
              <App />
            </LockProvider>
          )}
        </ProfilesProvider>
      </I18nProvider>
    </PresentationProvider>
  </StrictMode>,
);
