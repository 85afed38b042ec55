import { useState } from 'react';
import type { IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, identifier, personName } from '../presentation/format.ts';
import { utc8Parts } from './format.ts';
import { CorrectControl } from './CorrectControl.tsx';
import { kindName, platformName } from './labels.ts';
import type { GroupAction, ReviewDecision, ReviewGroup, ReviewGroupsState } from './useReviewGroups.ts';

function day(iso: string): string {
  return utc8Parts(iso)?.date ?? iso;
}

function GroupCard({ group, onResolve }: { group: ReviewGroup; onResolve: ReviewGroupsState['resolve'] }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const act = async (action: GroupAction) => {
    setBusy(true);
    setError(null);
    try {
      await onResolve(group.key, action); // on success the group leaves the list
    } catch (failure) {
      setError(failure as IpcError);
      setBusy(false);
    }
  };
  const count = formatCount(group.count);
  return (
    <li className="review-group" data-testid="review-group" data-key={group.key} data-count={group.count}>
      <div className="review-group-head">
        <h3>
          {kindName(t, group.kind)}
          {group.pattern && (
            <span className="review-group-pattern">
              {t(group.pattern.field === 'counterparty' ? 'reviewGroups.patternCounterparty' : 'reviewGroups.patternFunding', { value: group.pattern.value === null ? t('review.unknown') : group.pattern.field === 'counterparty' ? personName(group.pattern.value) : identifier(group.pattern.value) })}
            </span>
          )}
        </h3>
        <span className="review-platform">{platformName(locale, group.platform)}</span>
      </div>
      <p className="review-group-meta">
        {t('reviewGroups.meta', { count, amount: formatFen(group.amountFen), first: day(group.first), last: day(group.last) })}
      </p>
      <p className="review-group-rule muted">{t('reviewGroups.rule', { rule: group.rule.id, confidence: Math.round(group.rule.confidence * 100) })}</p>
      <ul className="review-group-examples">
        {group.examples.map((item) => (
          <li key={item.id}>
            <span>{day(item.occurredAt)}</span> <span>{[item.counterparty === null ? null : personName(item.counterparty), item.item === null ? null : identifier(item.item)].filter(Boolean).join(' · ')}</span>{' '}
            <span className="review-amount">{formatFen(item.amountFen)}</span> <span className="muted">{t('review.source', { file: identifier(item.file), line: formatCount(item.sourceLine) })}</span>
          </li>
        ))}
        {group.count > group.examples.length && <li className="muted">{t('reviewGroups.more', { count: formatCount(group.count - group.examples.length) })}</li>}
      </ul>
      <div className="review-actions">
        <button type="button" className="button button-primary" disabled={busy} data-testid="review-group-confirm" onClick={() => void act({ type: 'confirm' })}>
          {t('reviewGroups.confirmAll', { count })}
        </button>
        <CorrectControl
          selectId={`review-group-kind-${group.key}`}
          label={t('reviewGroups.correctAllLabel')}
          apply={t('reviewGroups.correctAll', { count })}
          busy={busy}
          testIds={{ kind: 'review-group-kind', apply: 'review-group-correct' }}
          onApply={(kind) => void act({ type: 'correct', kind })}
        />
      </div>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

function DecisionRow({ decision, onUndo }: { decision: ReviewDecision; onUndo: ReviewGroupsState['undo'] }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const what = decision.action === 'confirm' ? 'reviewGroups.decisionConfirmed' : decision.toKind === null ? 'reviewGroups.decisionNone' : 'reviewGroups.decisionCorrected';
  return (
    <li className="review-decision" data-testid="review-decision" data-id={decision.id}>
      <span>
        {t(what, { count: formatCount(decision.rows), from: kindName(t, decision.fromKind), to: decision.toKind === null ? '' : kindName(t, decision.toKind), key: decision.key })}
      </span>
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="review-decision-undo"
        onClick={() => {
          setBusy(true);
          setError(null);
          onUndo(decision.id).catch((failure: IpcError) => {
            setError(failure);
            setBusy(false);
          });
        }}
      >
        {t('reviewGroups.undo')}
      </button>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

/** The review questions by rule: one answer for a whole group, undoable. */
export function ReviewGroups({ state }: { state: ReviewGroupsState }) {
  const { t } = useI18n();
  const { listed, error } = state;
  const total = listed?.total ?? 0;
  const groups = listed?.groups ?? [];
  return (
    <section className="panel review-groups" data-testid="review-groups">
      <header className="page-header-row review-head">
        <h2 className="section-title">{t('reviewGroups.title')}</h2>
        <span className={`badge${groups.length > 0 ? ' badge-warning' : ''}`} data-testid="review-groups-count" data-groups={groups.length} data-total={total}>
          {t('reviewGroups.count', { groups: formatCount(groups.length), total: formatCount(total) })}
        </span>
      </header>
      <p className="muted">{t('reviewGroups.why')}</p>
      {error && <ErrorMessage error={error} />}
      {listed === null && !error && <p className="muted">{t('app.loading')}</p>}
      {listed !== null && groups.length === 0 && <p className="muted">{t('review.empty')}</p>}
      {groups.length > 0 && (
        <ul className="item-list review-group-list">
          {groups.map((group) => (
            <GroupCard key={group.key} group={group} onResolve={state.resolve} />
          ))}
        </ul>
      )}
      {listed !== null && listed.decisions.length > 0 && (
        <>
          <h3 className="review-decisions-title">{t('reviewGroups.decisionsTitle')}</h3>
          <ul className="item-list review-decisions">
            {listed.decisions.map((decision) => (
              <DecisionRow key={decision.id} decision={decision} onUndo={state.undo} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
