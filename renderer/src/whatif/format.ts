// How the What-if page writes its values: scores with their ranges and bands, the report's
// figures in their units (the Bureau page's writer), and an action as one line.

import type { Locale } from '../../../core/shared/localized-text.ts';
import { bandLabel, formatFen, identifier, scoreValue } from '../presentation/format.ts';
import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { ACTION_NAMES } from '../../../core/shared/whatif-actions.ts';
import { INSTITUTION_KEYS, PRODUCT_KEYS } from '../accounts/labels.ts';
import { formatBp } from '../accounts/money.ts';
import { formatValue } from '../bureau/useBureau.ts';
import type { MessageKey, Params } from '../i18n/translate.ts';
import { fieldsOf, type Field } from './action-fields.ts';
import type { ActionInput, Comparison, ScoreAt } from './types.ts';

type T = (key: MessageKey, params?: Params) => string;
type FigureUnit = Comparison['figures'][number]['unit'];

export function scoreText(s: ScoreAt, t: T, locale: Locale): string {
  if (s.score === null || s.band === null) return t('whatif.chart.unscorable');
  return t('whatif.chart.score', { score: scoreValue(s.score), low: s.low === null ? '…' : scoreValue(s.low), high: s.high === null ? '…' : scoreValue(s.high), band: bandLabel(s.band.label[locale]) });
}

export function figureText(unit: FigureUnit, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatValue(unit, value);
}

/** A choice's label: the ledger's names for its codes, the what-if's own for the rest. */
export function optionLabel(field: string, value: string, t: T, locale: Locale): string {
  switch (field) {
    case 'institutionType':
      return `${value} ${t(INSTITUTION_KEYS[value as keyof typeof INSTITUTION_KEYS])}`;
    case 'product':
      return t(PRODUCT_KEYS[value as keyof typeof PRODUCT_KEYS]);
    case 'repaymentMethod':
      return t(`ledger.method.${value}` as MessageKey);
    case 'reportsToBureau':
      return t(`ledger.reports.${value}` as MessageKey);
    case 'reasonCode': {
      const reason = QUERY_REASONS.find((r) => r.code === value);
      return reason ? `${value} ${reason.name[locale]}` : value;
    }
    case 'timing':
      return t(`whatif.timing.${value}` as MessageKey);
    default:
      return t(value === 'true' ? 'whatif.flag.true' : 'whatif.flag.false');
  }
}

export interface AccountName {
  id: number;
  name: string;
}

function valueText(field: Field, value: unknown, accounts: readonly AccountName[], t: T, locale: Locale): string {
  const accountName = (id: number) => identifier(accounts.find((a) => a.id === id)?.name ?? `#${id}`);
  switch (field.kind) {
    case 'fen':
      return typeof value === 'number' ? formatFen(value) : String(value);
    case 'rate':
      return typeof value === 'number' ? formatBp(value) : String(value);
    case 'account':
    case 'line':
      return typeof value === 'number' ? accountName(value) : String(value);
    case 'accounts':
      return Array.isArray(value) ? value.map((id) => accountName(Number(id))).join(locale === 'zh-CN' ? '、' : ', ') : String(value);
    case 'choice':
    case 'flag':
      return optionLabel(field.name, String(value), t, locale);
    default:
      return String(value);
  }
}

/** "还款：账户 招商银行(1111) · 金额（元） ¥6,000.00 · …": every field the action gives. */
export function actionLine(action: ActionInput, accounts: readonly AccountName[], t: T, locale: Locale): string {
  const given = action as unknown as Record<string, unknown>;
  const parts = fieldsOf(action.type)
    .filter((f) => given[f.name] !== undefined && given[f.name] !== null)
    .map((f) => `${t(`whatif.field.${f.name}` as MessageKey)} ${valueText(f, given[f.name], accounts, t, locale)}`);
  return `${ACTION_NAMES[action.type][locale]}${locale === 'zh-CN' ? '：' : ': '}${parts.join(' · ')}`;
}
