import { useEffect, useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ALL_KINDS, directionName, kindName, platformName, type Direction } from '../import/labels.ts';
import type { Filter, Order } from './route.ts';
import type { Facets } from './useTransactions.ts';
import { identifier } from '../presentation/format.ts';

const DIRECTIONS: Direction[] = ['expense', 'income', 'neutral'];
/** Typing waits this long before the list is asked again. */
const TEXT_DELAY_MS = 300;

function Select({ label, value, onChange, testId, children }: { label: string; value: string; onChange: (value: string) => void; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="tx-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

function DateField({ label, value, min, max, invalid, onChange, testId }: { label: string; value: string; min?: string; max?: string; invalid: boolean; onChange: (value: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="tx-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'tx-range-error' : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}

/** Every filter of the page; each change replaces the page's hash, which the list follows. */
export function FilterBar({ filter, order, facets, onChange }: { filter: Filter; order: Order; facets: Facets | null; onChange: (filter: Filter, order: Order) => void }) {
  const { t, locale } = useI18n();
  const textId = useId();
  const set = (patch: Partial<Record<keyof Filter, string | number | undefined>>) => {
    const merged: Record<string, unknown> = { ...filter, ...patch };
    for (const [field, value] of Object.entries(merged)) if (value === undefined || value === '') delete merged[field];
    onChange(merged as Filter, order);
  };
  const number = (value: string) => (value === '' ? undefined : Number(value));

  // The text box answers at once; the list follows when typing pauses.
  const [text, setText] = useState(filter.text ?? '');
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => {
    if (text.trim() === (filter.text ?? '').trim()) return;
    const timer = setTimeout(() => set({ text: text.trim() }), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  });

  const badRange = filter.from !== undefined && filter.to !== undefined && filter.from > filter.to;
  const categories = facets?.categories ?? [];
  return (
    <form className="panel tx-filters" role="search" aria-label={t('tx.filters.label')} data-testid="tx-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="tx-field tx-field-text">
        <label htmlFor={textId}>{t('tx.filters.text')}</label>
        <input id={textId} type="search" value={text} placeholder={t('tx.filters.textPlaceholder')} data-testid="tx-filter-text" onChange={(event) => setText(event.currentTarget.value)} />
      </div>
      <DateField label={t('tx.filters.from')} value={filter.from ?? ''} min={facets?.first ?? undefined} max={facets?.last ?? undefined} invalid={badRange} testId="tx-filter-from" onChange={(from) => set({ from })} />
      <DateField label={t('tx.filters.to')} value={filter.to ?? ''} min={facets?.first ?? undefined} max={facets?.last ?? undefined} invalid={badRange} testId="tx-filter-to" onChange={(to) => set({ to })} />
      <Select label={t('tx.filters.platform')} value={filter.platform ?? ''} testId="tx-filter-platform" onChange={(platform) => set({ platform })}>
        <option value="">{t('tx.filters.all')}</option>
        {(facets?.platforms ?? (filter.platform ? [filter.platform] : [])).map((platform) => (
          <option key={platform} value={platform}>
            {platformName(locale, platform)}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.account')} value={filter.accountId === undefined ? '' : String(filter.accountId)} testId="tx-filter-account" onChange={(value) => set({ accountId: number(value) })}>
        <option value="">{t('tx.filters.all')}</option>
        {(facets?.accounts ?? []).map((account) => (
          <option key={account.id} value={account.id}>
            {account.parentId === null ? identifier(account.name) : `· ${identifier(account.name)}`}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.direction')} value={filter.direction ?? ''} testId="tx-filter-direction" onChange={(direction) => set({ direction })}>
        <option value="">{t('tx.filters.all')}</option>
        {DIRECTIONS.map((direction) => (
          <option key={direction} value={direction}>
            {directionName(t, direction)}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.category')} value={filter.category ?? ''} testId="tx-filter-category" onChange={(category) => set({ category })}>
        <option value="">{t('tx.filters.all')}</option>
        {[...(filter.category && !categories.includes(filter.category) ? [filter.category] : []), ...categories].map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.event')} value={filter.creditEvent ?? ''} testId="tx-filter-event" onChange={(creditEvent) => set({ creditEvent })}>
        <option value="">{t('tx.filters.all')}</option>
        <option value="any">{t('tx.filters.anyEvent')}</option>
        <option value="none">{t('tx.filters.noEvent')}</option>
        {ALL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kindName(t, kind)}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.file')} value={filter.batchId === undefined ? '' : String(filter.batchId)} testId="tx-filter-file" onChange={(value) => set({ batchId: number(value) })}>
        <option value="">{t('tx.filters.all')}</option>
        {(facets?.files ?? []).map((file) => (
          <option key={file.batchId} value={file.batchId}>
            {t('tx.filters.fileOption', { name: identifier(file.name), rows: file.rows })}
          </option>
        ))}
      </Select>
      <Select label={t('tx.filters.order')} value={order} testId="tx-filter-order" onChange={(value) => onChange(filter, value === 'oldest' ? 'oldest' : 'newest')}>
        <option value="newest">{t('tx.filters.newest')}</option>
        <option value="oldest">{t('tx.filters.oldest')}</option>
      </Select>
      <div className="tx-field tx-field-actions">
        <button type="button" className="button button-quiet" data-testid="tx-filter-clear" disabled={Object.keys(filter).length === 0} onClick={() => onChange({}, order)}>
          {t('tx.filters.clear')}
        </button>
      </div>
      {badRange && (
        <p className="error-text tx-range-error" id="tx-range-error" role="alert">
          {t('tx.filters.rangeError')}
        </p>
      )}
    </form>
  );
}
