import { useCallback, useEffect, useState } from 'react';
import type { Request, Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PassphraseField } from '../lock/PassphraseField.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { Utc8Time } from '../import/Utc8Time.tsx';
import './backups.css';
import { personName } from '../presentation/format.ts';

type Listing = Response<'backups.list'>;
type Source = Request<'backups.restore'>['source'];

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/**
 * Settings → backups: the profile's backups, newest first; back up now; save a copy elsewhere and
 * restore from a file, where the location comes from main's file dialog in the desktop app and a
 * typed path in the preview (the page itself never reads or writes a file).
 */
export function BackupsSection({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // Kept as a key and its values, so a language switch re-labels it.
  const [notice, setNotice] = useState<{ key: 'backups.created' | 'backups.restored'; params: Record<string, string> } | null>(null);
  const [savePath, setSavePath] = useState('');
  const [restorePath, setRestorePath] = useState('');
  const [confirming, setConfirming] = useState<{ source: Source; label: string } | null>(null);
  const [needsSecret, setNeedsSecret] = useState(false);
  const [secret, setSecret] = useState('');

  const load = useCallback(async () => {
    try {
      setListing(await invoke('backups.list', { profileId: profile.id }));
    } catch (caught) {
      setError(asIpcError(caught));
    }
  }, [profile.id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(action: () => Promise<NonNullable<typeof notice>>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      await load();
      return true;
    } catch (caught) {
      setError(asIpcError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const create = (destination: Request<'backups.create'>['destination']) =>
    act(async () => ({ key: 'backups.created', params: { file: (await invoke('backups.create', { profileId: profile.id, destination })).backup.file } }));

  async function restore() {
    if (!confirming) return;
    let missingSecret = false;
    const ok = await act(async () => {
      try {
        const outcome = await invoke('backups.restore', {
          profileId: profile.id,
          source: confirming.source,
          ...(needsSecret ? { secret: { kind: 'passphrase' as const, passphrase: secret } } : {}),
        });
        return { key: 'backups.restored', params: { name: outcome.restored, safety: outcome.safety.name } };
      } catch (caught) {
        missingSecret = asIpcError(caught).code === 'backup.secret_required';
        throw caught;
      }
    });
    if (missingSecret) setNeedsSecret(true);
    if (ok) {
      setConfirming(null);
      setNeedsSecret(false);
      setSecret('');
    }
  }

  const viaDialog = listing?.locations === 'dialog';
  return (
    <section className="panel backups" data-testid="backups-section">
      <h2 className="section-title">{t('backups.title')}</h2>
      <p className="muted">{t('backups.body')}</p>
      {listing && (
        <p className="backups-folder">
          {t('backups.folder')}: <code className="path">{listing.folder}</code>
        </p>
      )}
      <div className="backups-actions">
        <button type="button" className="button button-primary" data-testid="backup-now" disabled={busy} onClick={() => void create({ kind: 'folder' })}>
          {busy ? t('backups.creating') : t('backups.create')}
        </button>
        {viaDialog ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void create({ kind: 'dialog' })}>
              {t('backups.saveAs')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming({ source: { kind: 'dialog' }, label: t('backups.restoreFrom') })}>
              {t('backups.restoreFrom')}
            </button>
          </>
        ) : (
          <>
            <label className="field-inline">
              {t('backups.pathLabel')}
              <input type="text" data-testid="backup-path" value={savePath} onChange={(event) => setSavePath(event.target.value)} />
            </label>
            <button type="button" className="button" disabled={busy || savePath === ''} onClick={() => void create({ kind: 'path', path: savePath })}>
              {t('backups.save')}
            </button>
            <label className="field-inline">
              {t('backups.restorePathLabel')}
              <input type="text" data-testid="restore-path" value={restorePath} onChange={(event) => setRestorePath(event.target.value)} />
            </label>
            <button
              type="button"
              className="button"
              disabled={busy || restorePath === ''}
              onClick={() => setConfirming({ source: { kind: 'path', path: restorePath }, label: restorePath })}
            >
              {t('backups.restore')}
            </button>
          </>
        )}
      </div>
      {notice && (
        <p className="notice-ok" data-testid="backups-notice">
          {t(notice.key, notice.params)}
        </p>
      )}
      {error && !confirming && <ErrorMessage error={error} testId="backups-error" />}
      {listing && listing.backups.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {listing && listing.backups.length > 0 && (
        <table className="backups-table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('backups.col.date')}</th>
              <th>{t('backups.col.reason')}</th>
              <th>{t('backups.col.size')}</th>
              <th>{t('backups.col.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listing.backups.map((backup) => (
              <tr key={backup.name} data-testid="backup-row">
                <td>
                  <Utc8Time iso={backup.createdAt} />
                </td>
                <td>{t(`backups.reason.${backup.reason}`)}</td>
                <td>{size(backup.bytes)}</td>
                <td>{backup.encrypted ? t('backups.encrypted') : t('backups.plaintext')}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="backup-restore"
                    disabled={busy}
                    onClick={() => setConfirming({ source: { kind: 'backup', name: backup.name }, label: backup.name })}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          confirmLabel={busy ? t('backups.restoring') : t('backups.restoreConfirm')}
          cancelLabel={t('backups.cancel')}
          busy={busy}
          onConfirm={() => void restore()}
          onCancel={() => {
            setConfirming(null);
            setNeedsSecret(false);
            setError(null);
          }}
          confirmTestId="confirm-restore"
          cancelTestId="cancel-restore"
        >
          <p>{t('backups.restoreBody', { name: personName(profile.name), backup: confirming.label })}</p>
          {needsSecret && <PassphraseField label={t('backups.secretLabel')} value={secret} onChange={setSecret} testId="restore-secret" />}
          {error && <ErrorMessage error={error} testId="restore-error" />}
        </ConfirmDialog>
      )}
    </section>
  );
}
