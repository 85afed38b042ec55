import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { ReviewItemRow } from './ReviewItemRow.tsx';
import type { ReviewList as ReviewListState } from './useReviewList.ts';

export function ReviewList({ review }: { review: ReviewListState }) {
  const { t } = useI18n();
  const { items, total, error } = review;
  return (
    <section className="panel review-list" data-testid="review-list">
      <header className="page-header-row review-head">
        <h2 className="section-title">{t('review.title')}</h2>
        <span className={`badge${total > 0 ? ' badge-warning' : ''}`} data-testid="review-remaining" data-count={total}>
          {t('review.remaining', { count: formatCount(total) })}
        </span>
      </header>
      <p className="muted">{t('review.why')}</p>
      {error && <ErrorMessage error={error} />}
      {items === null && !error && <p className="muted">{t('app.loading')}</p>}
      {items !== null && items.length === 0 && <p className="muted">{t('review.empty')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="item-list review-items">
          {items.map((item) => (
            <ReviewItemRow key={item.id} item={item} onResolve={review.resolve} />
          ))}
        </ul>
      )}
      {items !== null && total > items.length && <p className="muted">{t('review.moreNotShown', { shown: formatCount(items.length), total: formatCount(total) })}</p>}
    </section>
  );
}
