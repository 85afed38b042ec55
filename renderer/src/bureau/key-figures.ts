import type { I18n } from '../i18n/I18nProvider.tsx';

/** The name of a key figure of core/bureau/report-core.ts KEY_FIGURES. */
export function keyFigureLabel(t: I18n['t'], key: string): string {
  const [head, type, field] = key.split('.');
  if (key === 'accounts.total') return t('bureau.key.accountsTotal');
  if (head === 'accounts' && type) return t('bureau.key.accountsOfType', { type });
  if (head === 'debt' && field === 'accounts') return t('bureau.key.debtAccounts', { type });
  if (head === 'debt' && field === 'total') return t('bureau.key.debtTotal', { type });
  if (head === 'debt' && field === 'balance') return t('bureau.key.debtBalance', { type });
  if (key === 'overdue.accounts') return t('bureau.key.overdueAccounts');
  if (key === 'overdue.months') return t('bureau.key.overdueMonths');
  if (key === 'online_loans') return t('bureau.key.onlineLoans');
  if (key === 'card_utilisation') return t('bureau.key.cardUtilisation');
  if (key === 'current_overdue') return t('bureau.key.currentOverdue');
  if (key === 'debt_to_income') return t('bureau.key.debtToIncome');
  return key;
}
