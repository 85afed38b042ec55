import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../../core/shared/localized-text.ts';
import type { CredenceBridge } from '../../../core/ipc/bridge.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './NoticeBar.css';

/** Messages main pushes on its own (`app.notice`), shown until dismissed. */
export function NoticeBar() {
  const { t, locale } = useI18n();
  const [notices, setNotices] = useState<{ id: number; message: LocalizedText }[]>([]);

  useEffect(() => {
    const bridge = window.credence as CredenceBridge | undefined;
    if (typeof bridge?.on !== 'function') return undefined;
    let next = 0;
    return bridge.on('app.notice', ({ message }) => {
      next += 1;
      const id = next;
      setNotices((current) => [...current, { id, message }]);
    });
  }, []);

  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          <p>{notice.message[locale]}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('notice.dismiss')}
            onClick={() => setNotices((current) => current.filter((item) => item.id !== notice.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
