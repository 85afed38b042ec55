// Whether the bureau-style score can be computed for a ledger: the thin-file checks of
// core/rules/scorability.ts on the accounts the simulated report carries, each with what the
// ledger shows and what would meet it. A file that fails any check is "not scorable yet": the
// engine then gives no number, no band and no percentile, as the PBOC 数字解读 shows `--`.
//
// An account counts when the simulated report carries it (or may: reporting unknown, counted as
// the score's point counts it) as of the report month. Its age runs from its open date, else its
// first month in the ledger (the earliest the ledger knows of it), or from the month the report
// carries it from when that is later.

import { firstDay, formatDay, formatMonth } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { SCORABILITY_RULES, SCORABILITY_VERSION, type ScorabilityCheckId } from '../rules/scorability.ts';
import type { BureauMonth } from './ledger-features.ts';
import { seenBy, type ScoringAccount, type ScoringLedger } from './scoring-ledger.ts';
import type { Scorability, ScorabilityCheck } from './types.ts';

interface Outcome {
  met: boolean;
  /** Met only by accounts whose reporting is not known. */
  onlyUnknown: boolean;
  finding: LocalizedText;
  action: LocalizedText | null;
  /** Met on this day with nothing else done. */
  metOn: number | null;
}

const lastMonthOf = (a: ScoringAccount) => a.firstMonth + a.codes.length - 1;

/** The month the ledger's knowledge of the account starts, as the report carries it. */
function startOf(a: ScoringAccount): number {
  const start = a.openedMonth ?? a.firstMonth;
  return a.bureauSinceMonth !== null ? Math.max(start, a.bureauSinceMonth) : start;
}

const nameList = (accounts: readonly ScoringAccount[]) => accounts.map((a) => `「${a.name}」`).join('');

function reportingAccount(on: readonly ScoringAccount[]): Outcome {
  if (on.length > 0) {
    const names = nameList(on.slice(0, 3));
    return {
      met: true,
      onlyUnknown: on.every((a) => a.onReport === 'unknown'),
      finding: { 'zh-CN': `报告上有 ${on.length} 个账户：${names}${on.length > 3 ? '等' : ''}。`, en: `${on.length} account(s) on the report: ${names}${on.length > 3 ? ' and others' : ''}.` },
      action: null,
      metOn: null,
    };
  }
  return {
    met: false,
    onlyUnknown: false,
    finding: {
      'zh-CN': '模拟征信报告上没有任何信用账户：账本里没有会上报征信的信用卡或贷款（未签署征信授权的花呗等不上报）。',
      en: 'The simulated report carries no credit account: the ledger has no card or loan that reports to the credit bureau (Huabei without its reporting authorisation, for one, does not).',
    },
    action: {
      'zh-CN': '在账户页添加您的信用卡或贷款；已上报征信的账户（如签署了征信授权的花呗）把“上报征信”设为“是”。',
      en: 'Add your credit cards or loans on the Accounts page; mark an account that reports (Huabei after its reporting authorisation, for one) as reporting.',
    },
    metOn: null,
  };
}

function accountAge(on: readonly ScoringAccount[], latest: number, months: number): Outcome {
  const aged = on.filter((a) => latest - startOf(a) + 1 >= months);
  if (aged.length > 0) {
    const oldest = [...aged].sort((a, b) => startOf(a) - startOf(b))[0]!;
    return {
      met: true,
      onlyUnknown: aged.every((a) => a.onReport === 'unknown'),
      finding: { 'zh-CN': `「${oldest.name}」自 ${formatMonth(startOf(oldest))} 起在报告上。`, en: `${oldest.name} is on the report from ${formatMonth(startOf(oldest))}.` },
      action: null,
      metOn: null,
    };
  }
  const oldest = [...on].sort((a, b) => startOf(a) - startOf(b))[0]!;
  const start = startOf(oldest);
  const have = latest - start + 1;
  // The report month is the last month that has ended: `months` months from `start` are in once the month after them begins.
  const day = firstDay(start + months);
  const known = oldest.openedMonth !== null;
  return {
    met: false,
    onlyUnknown: false,
    finding: {
      'zh-CN': `最早的上报账户「${oldest.name}」只有 ${have} 个月的记录（自 ${formatMonth(start)} 起${known ? '，按开户日期' : '，账本里最早的一个月'}），至少需要 ${months} 个月。`,
      en: `The oldest account on the report, ${oldest.name}, has ${have} month(s) of history (from ${formatMonth(start)}${known ? ', its open date' : ', the earliest month in the ledger'}); a score needs ${months}.`,
    },
    action: known
      ? { 'zh-CN': `${formatDay(day)} 起（满 ${months} 个月）即可评分。`, en: `It becomes scorable on ${formatDay(day)}, when it has ${months} months.` }
      : {
          'zh-CN': `如果「${oldest.name}」开立得更早，在账户页填写开户日期，或导入更早的账单；否则 ${formatDay(day)} 起即可评分。`,
          en: `If ${oldest.name} was opened earlier, enter its open date on the Accounts page or import older bills; otherwise it becomes scorable on ${formatDay(day)}.`,
        },
    metOn: known ? day : null,
  };
}

function recentReport(on: readonly ScoringAccount[], latest: number, months: number): Outcome {
  const recent = on.filter((a) => lastMonthOf(a) >= latest - months + 1);
  if (recent.length > 0) {
    return { met: true, onlyUnknown: recent.every((a) => a.onReport === 'unknown'), finding: { 'zh-CN': `${recent.length} 个账户近 ${months} 个月内有记录。`, en: `${recent.length} account(s) reported within the last ${months} months.` }, action: null, metOn: null };
  }
  const last = Math.max(...on.map(lastMonthOf));
  return {
    met: false,
    onlyUnknown: false,
    finding: {
      'zh-CN': `上报账户的最后一条记录在 ${formatMonth(last)}：近 ${months} 个月没有任何账户更新（都已结清或关闭）。`,
      en: `The last record of any account on the report is ${formatMonth(last)}: none was reported in the last ${months} months (all settled or closed).`,
    },
    action: {
      'zh-CN': '征信评分需要近 6 个月内仍在更新的账户，例如一张正常使用的信用卡；如果还有在用的账户，在账户页添加它。',
      en: 'A score needs an account reported within the last 6 months, such as a card in normal use; if you have one, add it on the Accounts page.',
    },
    metOn: null,
  };
}

function knownMonths(months: readonly BureauMonth[], on: readonly ScoringAccount[], need: number): Outcome {
  const window = new Set(months.map((m) => m.month));
  let known = 0;
  for (const month of window) {
    if (on.some((a) => month >= a.firstMonth && month <= lastMonthOf(a) && a.codes[month - a.firstMonth] !== '#')) known++;
  }
  const from = formatMonth(Math.min(...window));
  const to = formatMonth(Math.max(...window));
  if (known >= need) {
    return { met: true, onlyUnknown: false, finding: { 'zh-CN': `${from}–${to} 中有 ${known} 个月的还款状态已知。`, en: `${known} of the months ${from}–${to} have a known repayment status.` }, action: null, metOn: null };
  }
  return {
    met: false,
    onlyUnknown: false,
    finding: {
      'zh-CN': `评分读取的 ${months.length} 个月（${from}–${to}）里，上报账户的还款状态全都无法确定（#）。`,
      en: `In the ${months.length} months the score reads (${from}–${to}), no account on the report has a known repayment status (all #).`,
    },
    action: {
      'zh-CN': '导入这些月份的账单，或在账户页填写这些月份的账单和还款。',
      en: 'Import the bills of those months, or enter their statements and payments on the Accounts page.',
    },
    metOn: null,
  };
}

/** The thin-file checks on the ledger as of the report month `latest`, over the months the card reads. */
export function scorabilityOf(ledger: ScoringLedger, latest: number, months: readonly BureauMonth[]): Scorability {
  const on = ledger.accounts.filter((a) => seenBy('bureau', a) && a.codes.length > 0 && a.firstMonth <= latest && (a.bureauSinceMonth === null || a.bureauSinceMonth <= latest));
  const outcome = (id: ScorabilityCheckId, months_: number): Outcome => {
    switch (id) {
      case 'reporting_account':
        return reportingAccount(on);
      case 'account_age':
        return accountAge(on, latest, months_);
      case 'recent_report':
        return recentReport(on, latest, months_);
      case 'known_months':
        return knownMonths(months, on, months_);
    }
  };
  const checks: ScorabilityCheck[] = [];
  const outcomes: Outcome[] = [];
  for (const rule of SCORABILITY_RULES) {
    // Later checks read the accounts the first found: without one, they say nothing.
    if (rule.id !== 'reporting_account' && on.length === 0) break;
    const o = outcome(rule.id, rule.months);
    outcomes.push(o);
    checks.push({ id: rule.id, label: rule.label, met: o.met, finding: o.finding, action: o.action, sources: [...rule.sources] });
  }
  const scorable = checks.length === SCORABILITY_RULES.length && checks.every((c) => c.met);
  const unmet = outcomes.filter((o) => !o.met);
  const waitOnly = unmet.length > 0 && unmet.every((o) => o.metOn !== null);
  return {
    scorable,
    onlyIfUnknownReported: scorable && outcomes.some((o) => o.onlyUnknown),
    checks,
    scorableFrom: waitOnly ? formatDay(Math.max(...unmet.map((o) => o.metOn!))) : null,
    rulesVersion: SCORABILITY_VERSION,
  };
}
