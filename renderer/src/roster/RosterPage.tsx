import { useId, useMemo, useState } from 'react';
import { ROSTER_SORTS, rosterView, type RosterSort } from '../../../core/shared/roster.ts';
import { ACTION_NAMES } from '../../../core/shared/whatif-actions.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Utc8Time } from '../import/Utc8Time.tsx';
import { formatFen, identifier, personName, phoneText } from '../presentation/format.ts';
import { usePresentation } from '../presentation/PresentationProvider.tsx';
import { DeleteProfileDialog } from '../profiles/DeleteProfileDialog.tsx';
import { isUsable, useProfiles, type ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { hrefFor } from '../router.ts';
import { SampleAction, SampleBadge } from '../sample/SampleAction.tsx';
import { ClientEditor } from './ClientEditor.tsx';
import './roster.css';

type Client = NonNullable<ProfileSummary['client']>;

function NextAction({ next }: { next: Client['nextAction'] }) {
  const { t, locale } = useI18n();
  if (!next) return <span className="muted">{t('roster.noPlan')}</span>;
  const action = ACTION_NAMES[next.type][locale];
  const text = next.amountFen === null ? t('roster.nextAction', { date: next.date, action }) : t('roster.nextActionAmount', { date: next.date, action, amount: formatFen(next.amountFen) });
  return (
    <span data-testid="roster-next" data-by={next.by}>
      {text}
    </span>
  );
}

function ClientCells({ client }: { client: Client | undefined }) {
  const { t } = useI18n();
  const { on } = usePresentation();
  if (!client) {
    return (
      <td colSpan={5} className="muted">
        {t('roster.locked')}
      </td>
    );
  }
  const { details } = client;
  return (
    <>
      <td data-testid="roster-phone">{details.phone ? phoneText(details.phone) : '—'}</td>
      <td>
        <ul className="roster-tags" aria-label={t('roster.col.tags')}>
          {details.tags.map((tag) => (
            <li key={tag} className="badge badge-quiet">
              {identifier(tag)}
            </li>
          ))}
        </ul>
      </td>
      {/* Notes are the adviser's own words about a person: hidden whole while presenting. */}
      <td className="roster-notes" title={on ? undefined : details.notes}>
        {details.notes === '' ? '' : on ? t('presentation.hidden') : details.notes}
      </td>
      <td className="roster-when" data-testid="roster-last-import">{client.lastImportAt ? <Utc8Time iso={client.lastImportAt} /> : <span className="muted">{t('roster.neverImported')}</span>}</td>
      <td>
        <NextAction next={client.nextAction} />
      </td>
    </>
  );
}

function RosterRow({ profile, onEdit, onChanged, onDelete }: { profile: ProfileSummary; onEdit: () => void; onChanged: (error: IpcError | null) => void; onDelete: () => void }) {
  const { t, locale } = useI18n();
  const { selected, select } = useProfiles();
  const name = personName(profile.name);
  const archived = (profile.client?.details.archivedAt ?? null) !== null;
  const usable = isUsable(profile);

  async function archive(next: boolean) {
    try {
      await invoke('profiles.archive', { id: profile.id, archived: next });
      onChanged(null);
    } catch (caught) {
      onChanged(asIpcError(caught));
    }
  }

  return (
    <tr data-testid="roster-row" data-id={profile.id} data-name={profile.name}>
      <th scope="row">
        <span className="roster-name">{name}</span>
        {profile.id === selected?.id && <span className="badge">{t('roster.current')}</span>}
        {archived && <span className="badge badge-quiet">{t('roster.archivedBadge')}</span>}
        {profile.sample && <SampleBadge />}
        {profile.problem && (
          <span className="badge badge-warning" title={profile.problem.message[locale]}>
            {t('roster.unreadable')}
          </span>
        )}
      </th>
      <ClientCells client={profile.client} />
      <td>
        <div className="roster-actions">
          {usable && (
            <button
              type="button"
              className="button button-primary"
              data-testid="roster-open"
              aria-label={t('roster.openLabel', { name })}
              onClick={() => {
                select(profile.id);
                window.location.hash = hrefFor('dashboard');
              }}
            >
              {t('roster.open')}
            </button>
          )}
          {profile.client && (
            <>
              <button type="button" className="button" data-testid="roster-edit" aria-label={t('roster.editLabel', { name })} onClick={onEdit}>
                {t('roster.edit')}
              </button>
              <button
                type="button"
                className="button"
                data-testid={archived ? 'roster-unarchive' : 'roster-archive'}
                aria-label={t(archived ? 'roster.unarchiveLabel' : 'roster.archiveLabel', { name })}
                onClick={() => void archive(!archived)}
              >
                {t(archived ? 'roster.unarchive' : 'roster.archive')}
              </button>
            </>
          )}
          <button type="button" className="button button-danger" data-testid="roster-delete" aria-label={t('roster.deleteLabel', { name })} onClick={onDelete}>
            {t('roster.delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Deleting from the roster asks as the Settings page does (the same dialog and words). */
/** The adviser's roster: every profile as a client, searched, sorted, opened, edited, archived, deleted. */
export function RosterPage() {
  const { t } = useI18n();
  const { profiles, reload } = useProfiles();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<RosterSort>('name');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ProfileSummary | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const searchId = useId();
  const sortId = useId();
  const archivedId = useId();
  const all = useMemo(() => profiles ?? [], [profiles]);
  const shown = useMemo(() => rosterView(all, { query, sort, archived }), [all, query, sort, archived]);
  const editingProfile = shown.find((p) => p.id === editing && p.client);

  const changed = (failure: IpcError | null) => {
    setError(failure);
    void reload();
  };

  return (
    <>
      <header className="page-header">
        <h1>{t('roster.title')}</h1>
        <p className="lead">{t('roster.lead')}</p>
      </header>
      <section className="panel" data-testid="roster">
        <div className="roster-toolbar">
          <div className="form-field">
            <label htmlFor={searchId}>{t('roster.search')}</label>
            <input id={searchId} type="search" className="input" data-testid="roster-search" placeholder={t('roster.searchHint')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} />
          </div>
          <div className="form-field">
            <label htmlFor={sortId}>{t('roster.sort')}</label>
            <select id={sortId} data-testid="roster-sort" value={sort} onChange={(event) => setSort(event.currentTarget.value as RosterSort)}>
              {ROSTER_SORTS.map((key) => (
                <option key={key} value={key}>
                  {t(`roster.sort.${key}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="roster-archived" htmlFor={archivedId}>
            <input id={archivedId} type="checkbox" data-testid="roster-show-archived" checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} />
            {t('roster.showArchived')}
          </label>
          <p className="muted roster-count" role="status" data-testid="roster-count">
            {t('roster.count', { shown: shown.length, total: all.length })}
          </p>
        </div>
        {error && <ErrorMessage error={error} />}
        {shown.length === 0 ? (
          <p className="muted">{t('roster.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="ledger-table roster-table">
              <caption className="visually-hidden">{t('roster.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.client')}</th>
                  <th scope="col">{t('roster.col.phone')}</th>
                  <th scope="col">{t('roster.col.tags')}</th>
                  <th scope="col">{t('roster.col.notes')}</th>
                  <th scope="col">{t('roster.col.lastImport')}</th>
                  <th scope="col">{t('roster.col.next')}</th>
                  <th scope="col">{t('roster.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((profile) => (
                  <RosterRow key={profile.id} profile={profile} onEdit={() => setEditing(profile.id)} onChanged={changed} onDelete={() => setDeleting(profile)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {editingProfile?.client && (
          <ClientEditor
            key={editingProfile.id}
            profile={editingProfile}
            details={editingProfile.client.details}
            onDone={(saved) => {
              setEditing(null);
              if (saved) changed(null);
            }}
          />
        )}
      </section>
      {deleting && <DeleteProfileDialog profile={deleting} onClose={() => setDeleting(null)} />}
      <section className="panel">
        <SampleAction />
      </section>
    </>
  );
}
