import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dayOfEpoch, formatDay } from '../../../core/shared/calendar.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, identifier, personName } from '../presentation/format.ts';
import { utc8Parts } from '../import/format.ts';
import { directionName, kindName, platformName } from '../import/labels.ts';
import type { ListState, TransactionRow } from './useTransactions.ts';

// A windowed grid (ARIA grid pattern): only the rows on screen (and a few either side) are in the
// DOM, whatever the list's length. One tab stop; the arrow keys, Page Up/Down and Home/End move
// the active row (aria-activedescendant), Enter or Space opens it.

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 36;
/** Ask for more rows when the last loaded row is this close to the screen. */
const AHEAD = 40;

function When({ iso }: { iso: string }) {
  const parts = utc8Parts(iso);
  return <time dateTime={iso}>{parts ? `${parts.date} ${parts.time}` : iso}</time>;
}

function Cells({ row, accountName }: { row: TransactionRow; accountName: string | null }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div role="gridcell" className="tx-cell">
        <When iso={row.occurredAt} />
      </div>
      <div role="gridcell" className="tx-cell">
        {platformName(locale, row.platform)}
      </div>
      <div role="gridcell" className="tx-cell tx-what">
        <span className="tx-main">{row.counterparty !== null ? personName(row.counterparty) : identifier(row.item ?? '')}</span>
        {row.counterparty !== null && row.item !== null && <span className="tx-sub">{identifier(row.item)}</span>}
      </div>
      <div role="gridcell" className="tx-cell tx-what">
        <span className="tx-main">
          {row.category ?? ''} {row.needsReview && <span className="badge badge-warning">{t('tx.row.review')}</span>}
        </span>
        {row.creditEvent !== null && (
          <span className="tx-sub">
            <span className="badge" data-testid="tx-event">{kindName(t, row.creditEvent)}</span>
          </span>
        )}
      </div>
      <div role="gridcell" className={`tx-cell tx-amount tx-${row.direction}`}>
        <span className="tx-main" data-testid="tx-amount">{formatFen(row.amountFen)}</span>
        <span className="tx-sub">{directionName(t, row.direction)}</span>
      </div>
      <div role="gridcell" className="tx-cell tx-what">
        <span className="tx-main tx-source" data-testid="tx-source" data-file={row.file} data-line={row.sourceLine} title={identifier(row.file)}>
          {identifier(row.file)}
        </span>
        <span className="tx-sub">{[t('tx.row.line', { line: formatCount(row.sourceLine) }), accountName === null ? null : identifier(accountName)].filter(Boolean).join(' · ')}</span>
      </div>
    </>
  );
}

function Loader({ list }: { list: ListState }) {
  const { t } = useI18n();
  if (list.error) return <ErrorMessage error={list.error} testId="tx-list-error" />;
  // Stretches of the list may hold few matches: say how far the search has come.
  return <span className="muted">{list.next ? t('tx.list.searching', { date: formatDay(dayOfEpoch(list.next.epoch)) }) : t('tx.list.loading')}</span>;
}

export function TransactionGrid({
  list,
  total,
  accountNames,
  focusId,
  onOpen,
}: {
  list: ListState;
  /** Rows in the whole list, once counted. */
  total: number | null;
  accountNames: ReadonlyMap<number, string>;
  /** A row to select once it is listed. */
  focusId: number | null;
  onOpen: (row: TransactionRow) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const { rows, next } = list;
  const count = rows.length + (next !== null || list.error ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  // Keep asking while the end of what is loaded is on (or near) the screen.
  useEffect(() => {
    if (next !== null && !list.loading && !list.error && lastShown >= rows.length - AHEAD) list.loadMore();
  }, [lastShown, rows.length, next, list]);

  // A new list starts with nothing active.
  const first = rows[0]?.id;
  useEffect(() => {
    if (rows.length === 0) setActive(null);
  }, [first, rows.length]);

  // The row a link asked for: select it and bring it into view once it arrives.
  const focused = useRef<number | null>(null);
  useEffect(() => {
    if (focusId === null || focused.current === focusId) return;
    const index = rows.findIndex((row) => row.id === focusId);
    if (index < 0) return;
    focused.current = focusId;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'center' });
    onOpen(rows[index]!);
  }, [focusId, rows, virtualizer, onOpen]);

  const move = (to: number) => {
    if (rows.length === 0) return;
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const at = active ?? -1;
    const step: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => active !== null && rows[active] && onOpen(rows[active]!),
      ' ': () => active !== null && rows[active] && onOpen(rows[active]!),
    };
    const action = step[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const shown = new Set(items.map((item) => item.index));
  const activeRow = active !== null && shown.has(active) ? rows[active] : undefined;
  return (
    <div
      ref={scroller}
      className="tx-grid"
      role="grid"
      aria-label={t('tx.list.label')}
      aria-describedby="tx-grid-hint"
      aria-rowcount={total === null ? -1 : total + 1}
      aria-colcount={6}
      aria-activedescendant={activeRow ? `tx-row-${activeRow.id}` : undefined}
      tabIndex={0}
      data-testid="tx-grid"
      onKeyDown={onKeyDown}
      onFocus={() => active === null && rows.length > 0 && setActive(0)}
    >
      <div role="rowgroup" className="tx-head">
        <div role="row" aria-rowindex={1} className="tx-row tx-header-row">
          {(['time', 'platform', 'what', 'category', 'amount', 'source'] as const).map((column) => (
            <div role="columnheader" key={column} className={`tx-cell${column === 'amount' ? ' tx-amount' : ''}`}>
              {t(`tx.col.${column}`)}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="tx-body" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
        {items.map((item) => {
          const row = rows[item.index];
          const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <div role="row" key="loader" aria-rowindex={item.index + 2} className="tx-row tx-loader" style={style} data-testid="tx-loader">
                <div role="gridcell" aria-colspan={6} className="tx-cell">
                  <Loader list={list} />
                </div>
              </div>
            );
          }
          return (
            <div
              role="row"
              key={row.id}
              id={`tx-row-${row.id}`}
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              className={`tx-row${item.index === active ? ' tx-active' : ''}`}
              style={style}
              data-testid="tx-row"
              data-id={row.id}
              onClick={() => {
                setActive(item.index);
                onOpen(row);
              }}
            >
              <Cells row={row} accountName={row.accountId === null ? null : (accountNames.get(row.accountId) ?? null)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
