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

// Before anything renders: Electron's preload bridge, or the preview server's HTTP bridge.
chooseTransport();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <PresentationProvider>
      <I18nProvider>
        <ProfilesProvider>
          <LockProvider>
            <App />
          </LockProvider>
        </ProfilesProvider>
      </I18nProvider>
    </PresentationProvider>
  </StrictMode>,
);
