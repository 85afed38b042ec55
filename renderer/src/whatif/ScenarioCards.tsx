import { useState } from 'react';
import { MAX_SCENARIOS } from '../../../core/shared/whatif-actions.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Utc8Time } from '../import/Utc8Time.tsx';
import type { Draft, PlanMark, SavedScenario } from './types.ts';
import { isDirty, type WhatIf } from './useWhatIf.ts';

function DraftCard({ draft, index, row, selected, onSelect, whatIf, onPlanned }: { draft: Draft; index: number; row: SavedScenario | undefined; selected: boolean; onSelect: () => void; whatIf: WhatIf; onPlanned: (mark: PlanMark) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const nameId = `whatif-name-${draft.key}`;
  const saved = draft.savedId !== null;
  const dirty = isDirty(draft, row);
  return (
    <li className={`whatif-card whatif-card-s${index + 1}${selected ? ' whatif-card-selected' : ''}`} data-testid="scenario-card" data-saved-id={draft.savedId ?? ''} data-dirty={dirty}>
      <div className="form-field">
        <label htmlFor={nameId}>
          <span className={`whatif-swatch whatif-swatch-s${index + 1}`} aria-hidden="true" /> {t('whatif.scenario.name')}
        </label>
        <input id={nameId} className="input" data-testid="scenario-name" value={draft.name} maxLength={80} onChange={(event) => whatIf.renameDraft(draft.key, event.currentTarget.value)} />
      </div>
      <p className="muted whatif-card-status">
        {t('whatif.scenario.count', { count: draft.actions.length })} · {!saved ? t('whatif.scenario.notSaved') : dirty ? t('whatif.scenario.unsaved') : t('whatif.scenario.saved')}
        {row?.planMarkedAt && (
          <span className="badge whatif-plan-badge" data-testid="plan-badge">
            {t('whatif.scenario.planned')}
          </span>
        )}
      </p>
      <div className="whatif-card-buttons">
        <button type="button" className={`button${selected ? ' button-primary' : ''}`} aria-pressed={selected} data-testid="scenario-edit" onClick={onSelect}>
          {selected ? t('whatif.scenario.editing') : t('whatif.scenario.edit')}
        </button>
        <button type="button" className="button" data-testid="scenario-save" disabled={saved && !dirty} onClick={() => void whatIf.save(draft.key)}>
          {t('whatif.scenario.save')}
        </button>
        {saved && (
          <>
            <button type="button" className="button" data-testid="scenario-rename" disabled={draft.name === row?.name} onClick={() => void whatIf.rename(draft.key)}>
              {t('whatif.scenario.rename')}
            </button>
            <button type="button" className="button" data-testid="scenario-duplicate" disabled={!whatIf.canAdd} onClick={() => void whatIf.duplicate(draft.key)}>
              {t('whatif.scenario.duplicate')}
            </button>
            <button type="button" className="button button-danger" data-testid="scenario-delete" onClick={() => setConfirming(true)}>
              {t('whatif.scenario.delete')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button"
          data-testid="scenario-plan"
          disabled={!saved || dirty}
          title={!saved || dirty ? t('whatif.scenario.planHint') : undefined}
          onClick={() =>
            void whatIf.markPlan(draft.key).then((mark) => {
              if (mark) onPlanned(mark);
            })
          }
        >
          {t('whatif.scenario.plan')}
        </button>
        <button type="button" className="button button-quiet" data-testid="scenario-close" onClick={() => whatIf.closeDraft(draft.key)}>
          {t('whatif.scenario.close')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('whatif.scenario.deleteTitle', { name: draft.name })}
          confirmLabel={t('whatif.scenario.delete')}
          cancelLabel={t('whatif.scenario.deleteCancel')}
          busy={false}
          onConfirm={() => {
            setConfirming(false);
            void whatIf.remove(draft.key);
          }}
          onCancel={() => setConfirming(false)}
          confirmTestId="confirm-delete-scenario"
          cancelTestId="cancel-delete-scenario"
        >
          <p>{t('whatif.scenario.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

function SavedList({ whatIf }: { whatIf: WhatIf }) {
  const { t } = useI18n();
  const rows = whatIf.saved.data?.scenarios;
  return (
    <section className="whatif-saved" aria-labelledby="whatif-saved-title" data-testid="saved-scenarios">
      <h3 id="whatif-saved-title">{t('whatif.saved.title')}</h3>
      {whatIf.saved.error && <ErrorMessage error={whatIf.saved.error} />}
      {rows && rows.length === 0 && <p className="muted">{t('whatif.saved.none')}</p>}
      {rows && rows.length > 0 && (
        <ul className="plain-list whatif-saved-list">
          {rows.map((row) => {
            const open = whatIf.drafts.some((d) => d.savedId === row.id);
            return (
              <li key={row.id} data-testid="saved-scenario" data-id={row.id}>
                <span className="whatif-saved-name" id={`whatif-saved-${row.id}`}>
                  {row.name}
                </span>
                <span className="muted">
                  {t('whatif.scenario.count', { count: row.actions.length })} · {t('whatif.saved.updated')} <Utc8Time iso={row.updatedAt} />
                  {row.planMarkedAt && (
                    <>
                      {' · '}
                      {t('whatif.saved.markedAt')} <Utc8Time iso={row.planMarkedAt} />
                    </>
                  )}
                </span>
                {row.planMarkedAt && <span className="badge whatif-plan-badge">{t('whatif.scenario.planned')}</span>}
                <button type="button" className="button" data-testid="saved-open" disabled={open || !whatIf.canAdd} aria-describedby={`whatif-saved-${row.id}`} onClick={() => whatIf.openSaved(row)}>
                  {open ? t('whatif.saved.isOpen') : t('whatif.saved.open')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The baseline and the scenarios open beside it, each saved, renamed, copied, deleted or made the plan; then the saved ones. */
export function ScenarioCards({ whatIf, selected, onSelect }: { whatIf: WhatIf; selected: string | null; onSelect: (key: string) => void }) {
  const { t } = useI18n();
  const [planned, setPlanned] = useState<PlanMark | null>(null);
  const rows = whatIf.saved.data?.scenarios ?? [];
  return (
    <section className="panel whatif-scenarios" aria-labelledby="whatif-scenarios-title" data-testid="scenario-cards">
      <h2 id="whatif-scenarios-title">{t('whatif.scenarios.title')}</h2>
      <p className="muted">{t('whatif.scenarios.intro', { max: MAX_SCENARIOS })}</p>
      <ul className="whatif-cards">
        <li className="whatif-card whatif-card-s0" data-testid="baseline-card">
          <h3>
            <span className="whatif-swatch whatif-swatch-s0" aria-hidden="true" /> {t('whatif.baseline.name')}
          </h3>
          <p className="muted">{t('whatif.baseline.body')}</p>
        </li>
        {whatIf.drafts.map((draft, i) => (
          <DraftCard
            key={draft.key}
            draft={draft}
            index={i}
            row={rows.find((r) => r.id === draft.savedId)}
            selected={draft.key === selected}
            onSelect={() => onSelect(draft.key)}
            whatIf={whatIf}
            onPlanned={setPlanned}
          />
        ))}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="scenario-new"
          disabled={!whatIf.canAdd}
          onClick={() => {
            const key = whatIf.addDraft(t('whatif.scenario.defaultName', { n: whatIf.drafts.length + 1 }));
            if (key) onSelect(key);
          }}
        >
          {t('whatif.scenario.new')}
        </button>
        {!whatIf.canAdd && <span className="muted">{t('whatif.scenario.full', { max: MAX_SCENARIOS })}</span>}
      </div>
      {whatIf.opError && <ErrorMessage error={whatIf.opError} testId="scenario-error" />}
      {planned && (
        <p className="success-text" role="status" data-testid="plan-done">
          {t('whatif.scenario.planDone', { name: planned.name, asOf: planned.asOf })}
        </p>
      )}
      <SavedList whatIf={whatIf} />
    </section>
  );
}
