// The sample client's ledger: a made-up person's two years of credit use, generated from a seed
// and the day it is asked for, so it is the same ledger every time and never goes stale (every
// date is counted back from that day, China wall-clock, UTC+8). It is data only: bill exports in
// the formats the importers read (Alipay, WeChat, JD, two card statements) and the facts a user
// would type in by hand (limits, statement and due days, reporting, loan terms, queries, a score
// seen in an app, income). core/sample/build-sample.ts puts it into a profile through the same
// write paths a user's own data takes. docs/product/sample-client.md lists what it holds, and
// which facts it leaves unknown on purpose (SAMPLE_UNKNOWNS) so that the checklist has a question.
//
// Nothing here is anyone's data: names, card digits, order ids and amounts are invented; every
// file is called `synthetic-sample-…` and every counterparty `示例…`.

import { dayOfMonth, dayOfMonthOf, formatDay, formatMonth, monthOfDay } from '../shared/calendar.ts';
import { buildSchedule, type Instalment } from '../ledger/schedule.ts';

export const SAMPLE_GENERATOR = 'credence-synthetic-sample-v1';
/** Months of history before the current one. */
export const SAMPLE_MONTHS = 24;

/** Facts the sample leaves unknown on purpose, each a question the checklist asks (docs/product/sample-client.md#left-unknown-on-purpose). */
export const SAMPLE_UNKNOWNS = [
  { account: 'baitiao', fields: ['reportsToBureau', 'limitFen', 'statementDay', 'dueDay'] },
] as const;

export interface SampleFile {
  name: string;
  text: string;
}

/** A card or platform line as the sample's owner would describe it on the Accounts page. */
export interface SampleAccountFacts {
  /** How the builder finds the account imports made: its match key (core/ledger/derive). */
  matchKey: string;
  input: Record<string, unknown>;
}

export interface SampleDraw {
  /** The line's match key. */
  line: string;
  openedOn: string;
  principalFen: number;
  input: Record<string, unknown>;
}

export interface SyntheticLedger {
  generator: string;
  asOf: string;
  files: SampleFile[];
  accounts: SampleAccountFacts[];
  draws: SampleDraw[];
  /** Months the owner typed in from a platform's own app (a balance no export shows). */
  monthFacts: { matchKey: string; month: string; input: Record<string, unknown> }[];
  queries: Record<string, unknown>[];
  observations: Record<string, unknown>[];
  profileFacts: Record<string, unknown>;
  monthlyIncomeFen: number;
  scenario: { name: string; actions: (ids: SampleIds) => unknown[] };
}

/** Ids the scenario names, known once the accounts exist. */
export interface SampleIds {
  account(matchKey: string): number;
}

// ---------------------------------------------------------------- determinism

/** mulberry32 over a string seed: the same numbers for the same seed, on every machine. */
function stream(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole-yuan-ish amount between `low` and `high` fen, rounded to 10 fen. */
function amount(next: () => number, low: number, high: number): number {
  return Math.round((low + next() * (high - low)) / 10) * 10;
}

// ---------------------------------------------------------------- the events, by product

interface Spend {
  day: number;
  fen: number;
  merchant: string;
  item: string;
  category: string;
}

const MERCHANTS: readonly [string, string, string][] = [
  ['示例便利店', '日用品', '日用百货'],
  ['示例餐厅', '午餐', '餐饮美食'],
  ['示例超市', '生鲜', '日用百货'],
  ['示例咖啡', '咖啡', '餐饮美食'],
  ['示例书店', '图书', '文化休闲'],
  ['示例出行', '打车', '交通出行'],
  ['示例药房', '药品', '医疗健康'],
];

/** `count` purchases on days `from`..`to` of `month` (month index), before `until`. */
function purchases(seed: string, month: number, count: number, from: number, to: number, low: number, high: number, until: number): Spend[] {
  const next = stream(seed);
  const out: Spend[] = [];
  for (let i = 0; i < count; i++) {
    const day = dayOfMonth(month, from + Math.floor(next() * (to - from + 1)));
    const [merchant, item, category] = MERCHANTS[Math.floor(next() * MERCHANTS.length)]!;
    const fen = amount(next, low, high);
    if (day < until) out.push({ day, fen, merchant, item, category });
  }
  return out.sort((a, b) => a.day - b.day);
}

const sum = (spends: readonly Spend[]) => spends.reduce((total, s) => total + s.fen, 0);

const yuan = (fen: number) => (fen / 100).toFixed(2);
const time = (day: number, hour: number, minute = 0) => `${formatDay(day)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
const monthLabel = (month: number) => formatMonth(month).replace('-', '年') + '月';

/** A bill's stated count and total of one direction (`3笔 120.00元`), which the importer reconciles against. */
function tally(rows: readonly Row[], direction: Row['direction']): string {
  const of = rows.filter((r) => r.direction === direction);
  return `${of.length}笔 ${yuan(of.reduce((t, r) => t + r.fen, 0))}元`;
}

interface Row {
  day: number;
  hour: number;
  text: string[];
  direction: 'income' | 'expense' | 'neutral';
  fen: number;
}

// ---------------------------------------------------------------- Alipay: Huabei and Jiebei

interface Draw {
  openDay: number;
  principalFen: number;
  termMonths: number;
  annualRateBp: number;
  schedule: Instalment[];
}

function draw(openDay: number, principalFen: number, termMonths: number, annualRateBp: number): Draw {
  const schedule = buildSchedule({ principalFen, openDay, openMonth: monthOfDay(openDay), termMonths, method: 'equal_installment', annualRateBp, dueDay: dayOfMonthOf(openDay) })!;
  return { openDay, principalFen, termMonths, annualRateBp, schedule };
}

function alipayFile(until: number, months: number[], jiebei: Draw[]): SampleFile {
  const rows: Row[] = [];
  const method = (i: number) => (i % 4 === 0 ? '花呗&红包' : '花呗');
  for (const [k, month] of months.entries()) {
    // Huabei: bills on the 1st, due on the 10th; this person pays each bill in full on the 8th.
    const spends = purchases(`huabei:${k}`, month, 7, 3, 27, 1_500, 32_000, until);
    spends.forEach((s, i) => rows.push({ day: s.day, hour: 12, text: [s.category, s.merchant, '/', s.item, '支出', yuan(s.fen), method(i), '交易成功'], direction: 'expense', fen: s.fen }));
    const payDay = dayOfMonth(month + 1, 8);
    const billed = sum(purchases(`huabei:${k}`, month, 7, 3, 27, 1_500, 32_000, Number.MAX_SAFE_INTEGER));
    if (payDay < until && billed > 0) {
      rows.push({ day: payDay, hour: 9, text: ['信用借还', '花呗', '/', `花呗主动还款-${monthLabel(month)}账单`, '不计收支', yuan(billed), '示例银行储蓄卡(0000)', '还款成功'], direction: 'neutral', fen: billed });
    }
    // Everyday spending paid from the balance, which the Sesame-style estimate reads as activity.
    for (const s of purchases(`alipay-balance:${k}`, month, 3, 2, 26, 800, 9_000, until)) {
      rows.push({ day: s.day, hour: 18, text: [s.category, s.merchant, '/', s.item, '支出', yuan(s.fen), '余额宝', '交易成功'], direction: 'expense', fen: s.fen });
    }
    const utility = dayOfMonth(month, 15);
    const power = amount(stream(`power:${k}`), 9_000, 21_000);
    if (utility < until) rows.push({ day: utility, hour: 20, text: ['充值缴费', '示例电力公司', '/', '电费', '支出', yuan(power), '余额宝', '交易成功'], direction: 'expense', fen: power });
  }
  for (const d of jiebei) {
    rows.push({ day: d.openDay, hour: 15, text: ['信用借还', '借呗', '/', '借呗放款至银行卡', '不计收支', yuan(d.principalFen), '', '放款成功'], direction: 'neutral', fen: d.principalFen });
    for (const due of d.schedule) {
      if (due.dueDay < until) rows.push({ day: due.dueDay, hour: 10, text: ['信用借还', '蚂蚁借呗', '/', '蚂蚁借呗还款', '不计收支', yuan(due.amountFen), '余额宝', '还款成功'], direction: 'neutral', fen: due.amountFen });
    }
  }
  rows.sort((a, b) => b.day - a.day || b.hour - a.hour);
  const first = formatDay(dayOfMonth(months[0]!, 1));
  const last = formatDay(until - 1);
  const body = rows.map((r, i) => {
    const id = `${formatDay(r.day).replaceAll('-', '')}2200SAMPLE${String(i).padStart(8, '0')}`;
    return [time(r.day, r.hour, i % 60), ...r.text, `${id}\t`, '\t', '', ''].join(',');
  });
  const text = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：示例用户（合成数据）',
    '支付宝账户：sample***@example.com',
    `起始时间：[${first} 00:00:00]    终止时间：[${last} 23:59:59]`,
    '导出交易类型：[全部]',
    `导出时间：[${formatDay(until - 1)} 23:59:59]`,
    `共${rows.length}笔记录`,
    `收入：${tally(rows, 'income')}`,
    `支出：${tally(rows, 'expense')}`,
    `不计收支：${tally(rows, 'neutral')}`,
    '',
    '特别提示：',
    '1.本文件由 Credence 示例档案生成，是虚构的合成数据，不对应任何真实账户；',
    '',
    '------------------------支付宝支付科技有限公司  电子客户回单------------------------',
    '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
    ...body,
    '',
  ].join('\n');
  return { name: 'alipay-synthetic-sample.csv', text };
}

// ---------------------------------------------------------------- WeChat: Weilidai

function wechatFile(until: number, months: number[], weilidai: Draw): SampleFile {
  const rows: Row[] = [];
  rows.push({ day: weilidai.openDay, hour: 10, text: ['其他', '微粒贷', '"微粒贷借款到账"', '收入', `¥${yuan(weilidai.principalFen)}`, '/', '已到账'], direction: 'income', fen: weilidai.principalFen });
  for (const due of weilidai.schedule) {
    if (due.dueDay < until) rows.push({ day: due.dueDay, hour: 11, text: ['商户消费', '微众银行', '"微粒贷还款"', '支出', `¥${yuan(due.amountFen)}`, '零钱', '支付成功'], direction: 'expense', fen: due.amountFen });
  }
  for (const [k, month] of months.entries()) {
    for (const s of purchases(`wechat:${k}`, month, 4, 1, 28, 600, 6_000, until)) {
      rows.push({ day: s.day, hour: 19, text: ['扫二维码付款', s.merchant, `"${s.item}"`, '支出', `¥${yuan(s.fen)}`, '零钱', '支付成功'], direction: 'expense', fen: s.fen });
    }
  }
  rows.sort((a, b) => b.day - a.day || b.hour - a.hour);
  const body = rows.map((r, i) => {
    const id = `42000SAMPLE${formatDay(r.day).replaceAll('-', '')}${String(i).padStart(8, '0')}`;
    return [time(r.day, r.hour, i % 60), ...r.text, `${id}\t`, '/\t', '"/"'].join(',');
  });
  const text = [
    '微信支付账单明细,,,,,,,,',
    '微信昵称：[示例用户（合成数据）],,,,,,,,',
    `起始时间：[${formatDay(dayOfMonth(months[0]!, 1))} 00:00:00] 终止时间：[${formatDay(until - 1)} 23:59:59],,,,,,,,`,
    '导出类型：[全部],,,,,,,,',
    `导出时间：[${formatDay(until - 1)} 23:59:59],,,,,,,,`,
    ',,,,,,,,',
    `共${rows.length}笔记录,,,,,,,,`,
    `收入：${tally(rows, 'income')},,,,,,,,`,
    `支出：${tally(rows, 'expense')},,,,,,,,`,
    `中性交易：${tally(rows, 'neutral')},,,,,,,,`,
    '注：,,,,,,,,',
    '1. 本文件由 Credence 示例档案生成，是虚构的合成数据,,,,,,,,',
    ',,,,,,,,',
    '----------------------微信支付账单明细列表--------------------,,,,,,,,',
    '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
    ...body,
    '',
  ].join('\n');
  return { name: 'wechat-synthetic-sample.csv', text };
}

// ---------------------------------------------------------------- JD: Baitiao

function jdFile(until: number, months: number[]): SampleFile {
  const rows: Row[] = [];
  for (const [k, month] of months.entries()) {
    const spends = purchases(`baitiao:${k}`, month, 2, 4, 26, 5_000, 60_000, until);
    for (const s of spends) rows.push({ day: s.day, hour: 20, text: ['示例京东商户', `示例商品 ${s.item}`, yuan(s.fen), '京东白条', '交易成功', '支出', '数码'], direction: 'expense', fen: s.fen });
    // Baitiao bills on the 1st and is due on the 10th here; automatic repayment pays each bill on
    // the 10th (the pattern the checklist infers the statement and due days from).
    const billed = sum(purchases(`baitiao:${k}`, month, 2, 4, 26, 5_000, 60_000, Number.MAX_SAFE_INTEGER));
    const payDay = dayOfMonth(month + 1, 10);
    if (payDay < until && billed > 0) rows.push({ day: payDay, hour: 9, text: ['京东金融', '白条自动还款', yuan(billed), '示例银行储蓄卡(0000)', '交易成功', '支出', '还款'], direction: 'expense', fen: billed });
  }
  rows.sort((a, b) => a.day - b.day || a.hour - b.hour);
  const expense = rows.filter((r) => r.direction === 'expense');
  const body = rows.map((r, i) => [`${time(r.day, r.hour)}\t`, ...r.text, `3000SAMPLE${String(i).padStart(6, '0')}\t`, `9000SAMPLE${String(i).padStart(6, '0')}\t`, ' ', ''].join(','));
  const text = [
    '\ufeff导出信息：',
    '京东账号名：jd_synthetic_sample',
    `申请时间：${formatDay(until - 1)} 23:59:59`,
    `日期区间：${formatDay(dayOfMonth(months[0]!, 1))} 至 ${formatDay(until - 1)}`,
    '导出交易类型：全部',
    '导出交易场景：全部',
    `共：${rows.length}笔记录`,
    '收入：0笔，0.00元',
    `支出：${expense.length}笔，${yuan(expense.reduce((t, r) => t + r.fen, 0))}元`,
    '不计收支：0笔，0.00元',
    '',
    '特别提示',
    '1.本文件由 Credence 示例档案生成，是虚构的合成数据，不对应任何真实账户；',
    '',
    '交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,商家订单号,备注',
    ...body,
    '',
  ].join('\n');
  return { name: 'jd-synthetic-sample.csv', text };
}

// ---------------------------------------------------------------- the ICBC card (one late payment)

/** Months back (from the current month) of the ICBC statement paid late: 18 days after its due day. */
export const SAMPLE_LATE_MONTHS_AGO = 9;

function icbcFile(until: number, months: number[]): SampleFile {
  const current = monthOfDay(until - 1);
  const rows: { day: number; summary: string; place: string; income: number; expense: number }[] = [];
  const spendsOf = (k: number, month: number, before: number): Spend[] => [
    // A subscription on the 1st: the statement's rows then start on the day the sample begins.
    ...(dayOfMonth(month, 1) < before ? [{ day: dayOfMonth(month, 1), fen: 2_500, merchant: '示例视频会员', item: '会员', category: '文化休闲' }] : []),
    ...purchases(`icbc:${k}`, month, 6, 3, 18, 3_000, 90_000, before),
  ];
  for (const [k, month] of months.entries()) {
    // Statement on the 20th, due on the 15th of the next month; purchases on the 1st to the 18th.
    for (const s of spendsOf(k, month, until)) rows.push({ day: s.day, summary: '消费', place: `支付宝-${s.merchant}`, income: 0, expense: s.fen });
    const billed = sum(spendsOf(k, month, Number.MAX_SAFE_INTEGER));
    const late = current - month === SAMPLE_LATE_MONTHS_AGO;
    const payDay = late ? dayOfMonth(month + 2, 2) : dayOfMonth(month + 1, 12);
    if (payDay < until && billed > 0) rows.push({ day: payDay, summary: '人民币自动转帐还款', place: '示例银行储蓄卡', income: billed, expense: 0 });
  }
  // The file runs to yesterday: a row that day keeps the days since the last one covered.
  if (!rows.some((r) => r.day === until - 1)) rows.push({ day: until - 1, summary: '消费', place: '支付宝-示例便利店', income: 0, expense: 1_200 });
  rows.sort((a, b) => b.day - a.day);
  const cell = (text: string, width: number) => `"${text.padEnd(width)}\t"`;
  const money = (fen: number) => (fen === 0 ? '' : yuan(fen));
  const body = rows.map((r) =>
    [`${formatDay(r.day)}     \t`, `${formatDay(r.day)}     \t`, cell(r.summary, 30), cell(r.place, 40), cell('CHN', 20), cell(money(r.income), 20), cell(money(r.expense), 20), '人民币              \t', cell(money(r.income), 20), cell(money(r.expense), 20), '人民币              \t', cell('', 20), cell('', 20), ''].join(','),
  );
  const income = yuan(rows.reduce((t, r) => t + r.income, 0));
  const expense = yuan(rows.reduce((t, r) => t + r.expense, 0));
  const text = [
    '明细查询文件下载',
    '',
    '卡号: 6222****5678,"卡别名: 示例卡（合成数据）"',
    '',
    '子账户类别:',
    '',
    '交易日期,记账日期,摘要,交易场所,交易国家或地区简称,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名',
    ...body,
    ' ',
    `合计金额,,,,,${cell(income, 18)},${cell(expense, 18)},\t,${cell(income, 18)},${cell(expense, 18)},`,
    '',
  ].join('\n');
  return { name: 'icbc-synthetic-sample.csv', text };
}

// ---------------------------------------------------------------- the CMB card (monthly statements)

/**
 * One statement a month (CMB bills on the 5th; due on the 23rd), as the statement converter
 * writes them: `MM/DD` dates under the title's month. The cycle still open is written like the
 * bank app's 未出账单, so the repayment of the last bill is in a file too.
 */
function cmbFiles(until: number, months: number[]): SampleFile[] {
  const current = monthOfDay(until - 1);
  const files: SampleFile[] = [];
  const md = (day: number) => `${String((monthOfDay(day) % 12) + 1).padStart(2, '0')}/${String(dayOfMonthOf(day)).padStart(2, '0')}`;
  // A cycle's charges: a subscription on its first day and the phone bill on its last, so each
  // statement's rows span its whole cycle (a statement covers the days its rows span), and
  // purchases on the 8th to the 28th between them.
  const chargesOf = (statement: number, before: number): Spend[] => {
    const from = dayOfMonth(statement - 1, 6);
    const to = dayOfMonth(statement, 5);
    const fixed: Spend[] = [
      { day: from, fen: 1_900, merchant: '示例音乐会员', item: '会员', category: '文化休闲' },
      { day: to, fen: 5_800, merchant: '示例通信', item: '话费', category: '充值缴费' },
    ];
    return [...fixed, ...purchases(`cmb:${statement - months[0]!}`, statement - 1, 5, 8, 28, 2_000, 60_000, Number.MAX_SAFE_INTEGER)].filter((s) => s.day < before).sort((a, b) => a.day - b.day);
  };
  for (let statement = months[0]! + 1; statement <= current + 1; statement++) {
    const from = dayOfMonth(statement - 1, 6);
    const to = Math.min(dayOfMonth(statement, 5), until - 1);
    if (from > to) continue;
    const rows = chargesOf(statement, until).map((s) => ({ day: s.day, line: `${md(s.day)},${md(s.day)},${s.merchant}-${s.item},${yuan(s.fen)},1234,${yuan(s.fen)}` }));
    // The bill issued on the 5th of the month before, paid in full on the 20th.
    const paid = statement - 1 > months[0]! ? sum(chargesOf(statement - 1, Number.MAX_SAFE_INTEGER)) : 0;
    const payDay = dayOfMonth(statement - 1, 20);
    if (paid > 0 && payDay >= from && payDay <= to) rows.push({ day: payDay, line: `,${md(payDay)},掌上生活还款,-${yuan(paid)},1234,-${yuan(paid)}` });
    const open = dayOfMonth(statement, 5) >= until;
    // The open cycle runs to yesterday, like the bank app's 未出账单.
    if (open && !rows.some((r) => r.day === until - 1)) rows.push({ day: until - 1, line: `${md(until - 1)},${md(until - 1)},示例便利店-日用品,12.00,1234,12.00` });
    rows.sort((a, b) => a.day - b.day);
    const title = `招商银行信用卡对账单（个人消费卡账户 ${monthLabel(statement)}）${open ? '（未出账单，合成数据）' : '（合成数据）'}`;
    files.push({ name: `cmb-synthetic-sample-${formatMonth(statement)}.csv`, text: [title, '交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额', ...rows.map((r) => r.line), ''].join('\n') });
  }
  return files;
}

// ---------------------------------------------------------------- the whole ledger

/** The sample as of `today` (day number, China time): the same ledger, shifted, whatever the day. */
export function syntheticLedger(today: number): SyntheticLedger {
  const current = monthOfDay(today);
  const months = Array.from({ length: SAMPLE_MONTHS }, (_, i) => current - SAMPLE_MONTHS + i).concat(current);
  // 借呗 at 0.03% a day (10.95% a year), 微粒贷 at 0.04% a day: the daily rates both platforms quote.
  const jiebei = [draw(dayOfMonth(current - 20, 12), 1_200_000, 12, 1_095), draw(dayOfMonth(current - 7, 16), 800_000, 12, 1_095)];
  const weilidai = draw(dayOfMonth(current - 14, 5), 600_000, 10, 1_460);
  const ago = (days: number) => formatDay(today - days);
  // Every line opens on the first day its exports cover, so its whole history is observed (the
  // sample's person opened them all two years ago: an open date before the data would leave the
  // months between unknown, `#`, on the report's five-year grid).
  const opened = (day: number) => ({ openedOn: formatDay(day), bureauSinceMonth: formatMonth(monthOfDay(day)) });
  const start = dayOfMonth(months[0]!, 1);
  const drawFacts = (line: string, d: Draw, lender: string) => ({
    line,
    openedOn: formatDay(d.openDay),
    principalFen: d.principalFen,
    input: { termMonths: d.termMonths, annualRateBp: d.annualRateBp, repaymentMethod: 'equal_installment', dueDay: dayOfMonthOf(d.openDay), reportsToBureau: 'yes', lender },
  });
  return {
    generator: SAMPLE_GENERATOR,
    asOf: formatDay(today),
    // The exports run to the end of today (each file's `until` is the day after), as if exported tonight.
    files: [alipayFile(today + 1, months, jiebei), wechatFile(today + 1, months, weilidai), jdFile(today + 1, months), icbcFile(today + 1, months), ...cmbFiles(today + 1, months)],
    accounts: [
      { matchKey: 'huabei', input: { ...opened(start), limitFen: 1_500_000, statementDay: 1, dueDay: 10, reportsToBureau: 'yes' } },
      { matchKey: 'jiebei', input: { ...opened(start), limitFen: 3_000_000, reportsToBureau: 'yes', bureauLayout: 'per_draw', lender: '重庆蚂蚁消费金融有限公司', institutionType: '24' } },
      { matchKey: 'weilidai', input: { ...opened(start), limitFen: 2_000_000, reportsToBureau: 'yes', bureauLayout: 'per_draw' } },
      { matchKey: 'credit_card:工商银行:5678', input: { ...opened(start), limitFen: 2_000_000, statementDay: 20, dueDay: 15, reportsToBureau: 'yes' } },
      { matchKey: 'credit_card:招商银行:1234', input: { ...opened(dayOfMonth(months[0]!, 6)), limitFen: 5_000_000, statementDay: 5, dueDay: 23, reportsToBureau: 'yes' } },
      // 白条: its open date only; reporting, limit and the bill days are left for the checklist (SAMPLE_UNKNOWNS).
      { matchKey: 'baitiao', input: { openedOn: formatDay(start) } },
    ],
    draws: [drawFacts('jiebei', jiebei[0]!, '重庆蚂蚁消费金融有限公司'), drawFacts('jiebei', jiebei[1]!, '重庆蚂蚁消费金融有限公司'), drawFacts('weilidai', weilidai, '深圳前海微众银行股份有限公司')],
    // WeChat's bill is not complete for Weilidai (repayments can be debited from a bank card), so
    // the line's balance is what its app shows this month: nothing owed, the draw repaid.
    monthFacts: [{ matchKey: 'weilidai', month: formatMonth(current), input: { balanceFen: 0 } }],
    queries: [
      { queriedOn: ago(38), institution: '示例股份制银行信用卡中心', institutionType: '11', reasonCode: '03', note: '示例：申请信用卡（合成数据）' },
      { queriedOn: ago(71), institution: '示例消费金融有限公司', institutionType: '24', reasonCode: '02', note: '示例：申请消费贷（合成数据）' },
      { queriedOn: ago(160), institution: '招商银行', institutionType: '11', reasonCode: '01', note: '示例：贷后管理（合成数据）' },
    ],
    observations: [{ kind: 'sesame', value: 706, observedOn: ago(12), note: '示例：支付宝里看到的芝麻分（合成数据）' }],
    profileFacts: { education: 'bachelor', occupation: '示例职员', socialInsurance: true, providentFund: true, ownsHome: false, ownsVehicle: false, phoneYears: 7, addressYears: 3 },
    monthlyIncomeFen: 1_600_000,
    scenario: {
      name: '示例计划：下月账单日前先还招行卡 3,000 元',
      actions: (ids) => [{ type: 'pay', accountId: ids.account('credit_card:招商银行:1234'), amountFen: 300_000, month: formatMonth(current + 1), timing: 'before_statement' }],
    },
  };
}
