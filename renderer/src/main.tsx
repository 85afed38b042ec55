import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { ProfilesProvider } from './profiles/ProfilesProvider.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ProfilesProvider>
        <App />
      </ProfilesProvider>
    </I18nProvider>
  </StrictMode>,
);
