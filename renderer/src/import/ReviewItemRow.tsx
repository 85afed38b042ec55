import { useState } from 'react';
import type { IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, identifier, personName } from '../presentation/format.ts';
import { transactionsHref } from '../transactions/route.ts';
import { utc8Parts } from './format.ts';
import { Utc8Time } from './Utc8Time.tsx';
import { CorrectControl } from './CorrectControl.tsx';
import { directionName, kindName, platformName } from './labels.ts';
import type { ReviewAction, ReviewItem } from './useReviewList.ts';

/** The row's own UTC+8 day, so the transactions page opens on it and its neighbours. */
function dayRange(iso: string): { from?: string; to?: string } {
  const date = utc8Parts(iso)?.date;
  return date ? { from: date, to: date } : {};
}

export function ReviewItemRow({ item, onResolve }: { item: ReviewItem; onResolve: (id: number, action: ReviewAction) => Promise<void> }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const act = async (action: ReviewAction) => {
    setBusy(true);
    setError(null);
    try {
      await onResolve(item.id, action); // on success the row leaves the list
    } catch (failure) {
      setError(failure as IpcError);
      setBusy(false);
    }
  };

  const confidence = item.confidence === null ? null : Math.round(item.confidence * 100);
  return (
    <li className="review-item" data-testid="review-item" data-id={item.id}>
      <div className="review-item-main">
        <div className="review-item-when">
          <Utc8Time iso={item.occurredAt} />
          <span className="review-platform">{platformName(locale, item.platform)}</span>
        </div>
        <div className="review-item-what">
          <span className="review-counterparty">{item.counterparty === null ? t('review.unknown') : personName(item.counterparty)}</span>
          <span className="muted">{item.item === null ? t('review.unknown') : identifier(item.item)}</span>
        </div>
        <div className="review-item-amount">
          <span className="review-amount">{formatFen(item.amountFen)}</span>
          <span className="muted">{directionName(t, item.direction)}</span>
        </div>
      </div>
      <p className="review-detected">
        {confidence === null
          ? t('review.detectedNoConfidence', { kind: kindName(t, item.kind) })
          : t('review.detected', { kind: kindName(t, item.kind), confidence })}
        <span className="review-source">{t('review.source', { file: identifier(item.file), line: formatCount(item.sourceLine) })}</span>
        <a
          className="review-source"
          href={transactionsHref({ platform: item.platform, ...dayRange(item.occurredAt) }, { focus: item.id })}
          data-testid="review-transactions"
        >
          {t('tx.link.review')}
        </a>
      </p>
      <div className="review-actions">
        <button type="button" className="button button-primary" disabled={busy} data-testid="review-confirm" onClick={() => void act({ type: 'confirm' })}>
          {t('review.confirm')}
        </button>
        <CorrectControl
          selectId={`review-kind-${item.id}`}
          label={t('review.correctLabel')}
          apply={t('review.apply')}
          busy={busy}
          testIds={{ kind: 'review-correct-kind', apply: 'review-correct-apply' }}
          onApply={(kind) => void act({ type: 'correct', kind })}
        />
      </div>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}
