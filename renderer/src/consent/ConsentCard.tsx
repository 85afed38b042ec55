import { useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Utc8Time } from '../import/Utc8Time.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { categoryLabel, fieldList } from './labels.ts';
import { Receipts } from './Receipts.tsx';
import type { Catalogue, ConsentView } from './types.ts';

const STATE_BADGE: Record<ConsentView['state'], string> = {
  active: 'badge',
  expired: 'badge badge-quiet',
  used_up: 'badge badge-quiet',
  withdrawn: 'badge badge-danger',
  superseded: 'badge badge-quiet',
};

/** One consent on the dashboard: what it allowed, every export made under it, and its actions. */
export function ConsentCard(props: {
  profileId: string;
  consent: ConsentView;
  catalogue: Catalogue;
  onChanged: (flash?: 'withdrawn') => void;
  onAmend: (consent: ConsentView) => void;
}) {
  const { t, locale } = useI18n();
  const { consent: c, catalogue } = props;
  const r = c.record;
  const [panel, setPanel] = useState<'export' | 'receipts' | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const open = c.state === 'active' || c.state === 'used_up';

  async function withdraw() {
    setBusy(true);
    try {
      await invoke('consent.withdraw', { profileId: props.profileId, consentId: c.id });
      setWithdrawing(false);
      setPanel(null);
      props.onChanged('withdrawn');
    } catch (caught) {
      setError(asIpcError(caught));
      setWithdrawing(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="panel consent-card" data-testid="consent-card" data-state={c.state} data-consent-id={c.id} aria-labelledby={`consent-${c.id}`}>
      <header className="consent-card-head">
        <h3 id={`consent-${c.id}`}>
          {r.recipient.name} <span className={STATE_BADGE[c.state]} data-testid="consent-state">{t(`consent.state.${c.state}`)}</span>
          {r.crossBorder && <span className="badge badge-warning">{t('consent.card.overseas')}</span>}
        </h3>
        <code className="consent-id">{c.id}</code>
      </header>
      <dl className="facts">
        <dt>{t('consent.card.purpose')}</dt>
        <dd>{r.purpose.text}</dd>
        <dt>{t('consent.card.contact')}</dt>
        <dd>{r.recipient.contact}</dd>
        <dt>{t('consent.card.allowed')}</dt>
        <dd>
          <ul className="plain-list" data-testid="consent-allowed">
            {r.categories.map((category) => (
              <li key={category.code}>
                <strong>{categoryLabel(catalogue, category.code, locale)}</strong>: {fieldList(catalogue, category.code, category.fields, locale)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('consent.card.granted')}</dt>
        <dd>
          <Utc8Time iso={c.grantedAt} />
        </dd>
        <dt>{t('consent.card.validUntil')}</dt>
        <dd>
          <Utc8Time iso={c.expiresAt} />
        </dd>
        <dt>{t('consent.card.exports')}</dt>
        <dd data-testid="consent-exports-count">{t('consent.card.exportsValue', { used: c.exportsUsed, max: c.maxExports })}</dd>
        <dt>{t('consent.card.deleteBy')}</dt>
        <dd>{r.recipientDeleteBy}</dd>
        {c.withdrawnAt && (
          <>
            <dt>{t('consent.card.withdrawnAt')}</dt>
            <dd>
              <Utc8Time iso={c.withdrawnAt} />
            </dd>
          </>
        )}
        {c.supersededBy && (
          <>
            <dt>{t('consent.state.superseded')}</dt>
            <dd>{t('consent.card.supersededBy', { id: c.supersededBy })}</dd>
          </>
        )}
      </dl>
      <div className="consent-exports">
        <h4>{t('consent.card.exportsTitle')}</h4>
        {c.exports.length === 0 ? (
          <p className="muted">{t('consent.card.noExports')}</p>
        ) : (
          <ul className="plain-list" data-testid="consent-export-list">
            {c.exports.map((e) => (
              <li key={e.id}>
                <Utc8Time iso={e.createdAt} /> ·{' '}
                {t('consent.card.exportLine', {
                  file: e.fileName,
                  size: (e.packageBytes / 1024).toFixed(1),
                  encryption: t(e.encrypted ? 'consent.card.encrypted' : 'consent.card.unencrypted'),
                  sha: e.packageSha256.slice(0, 16),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {c.state !== 'active' && (
        <p className="muted" data-testid="consent-closed-note">
          {t(`consent.card.closed.${c.state}`)}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="form-actions consent-actions">
        {c.state === 'active' && (
          <button type="button" className="button button-primary" data-testid="consent-export-open" onClick={() => setPanel(panel === 'export' ? null : 'export')}>
            {t('consent.action.export')}
          </button>
        )}
        {open && (
          <button type="button" className="button" data-testid="consent-amend" onClick={() => props.onAmend(c)}>
            {t('consent.action.amend')}
          </button>
        )}
        <button type="button" className="button button-quiet" data-testid="consent-receipts-toggle" onClick={() => setPanel(panel === 'receipts' ? null : 'receipts')}>
          {t(panel === 'receipts' ? 'consent.action.hideReceipts' : 'consent.action.receipts')}
        </button>
        {open && (
          <button type="button" className="button button-danger" data-testid="consent-withdraw" onClick={() => setWithdrawing(true)}>
            {t('consent.action.withdraw')}
          </button>
        )}
      </div>
      {panel === 'export' && (
        <ExportPanel profileId={props.profileId} consent={c} catalogue={catalogue} onDone={() => props.onChanged()} onClose={() => setPanel(null)} />
      )}
      {panel === 'receipts' && <Receipts profileId={props.profileId} consentId={c.id} version={c.receipts.length} />}
      {withdrawing && (
        <ConfirmDialog
          title={t('consent.withdraw.title')}
          confirmLabel={t('consent.withdraw.confirm')}
          cancelLabel={t('consent.withdraw.cancel')}
          busy={busy}
          onConfirm={() => void withdraw()}
          onCancel={() => setWithdrawing(false)}
          confirmTestId="consent-withdraw-confirm"
          cancelTestId="consent-withdraw-cancel"
        >
          <p>{t('consent.withdraw.body', { count: c.exportsUsed })}</p>
          {c.exportsUsed > 0 && <p>{t('consent.withdraw.ask', { recipient: r.recipient.name, date: r.recipientDeleteBy })}</p>}
        </ConfirmDialog>
      )}
    </article>
  );
}
