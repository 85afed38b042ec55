// The Sesame-style estimate v1 as data: an ILLUSTRATION of the factors Ant publishes for Sesame
// Credit (芝麻信用), not Ant's algorithm, which is not public
// (docs/domain/platform-scores.md#black-box-scores). Nothing here is fitted: the five dimensions
// and what raises or lowers them come from the sources cited on each row, the dimension weights are
// the unofficial 35/20/25/15/5 split of one [C] page, and the points within a dimension are this
// file's own choices, shown as such. The user can record their real score (ledger observations) and
// the Dashboard shows the gap.
//
// Score = 350 + the points of every factor. Each dimension's factors can earn at most
// 600 × its weight between them (test/unit/score/sesame-model.test.ts checks the sums), so a
// perfect profile reaches 950 and an empty one 350, the published range.
//
// Sources (docs/domain/platform-scores.md#sesame-credit, all grade [C] unless noted):
//   readke    http://readke.com/c/02104449242022.html            dimensions and their definitions; bands
//   kanong    https://www.51kanong.com/xyk-993762-1.htm          range, dimensions
//   dims108   https://www.8809792.com/technology/108.html        dimensions; what raises the score
//   weights   http://m.huiyuanjidian.cn/b/188362.html            the unofficial weights
//   lnmlw     http://lnmlw.com/Bigdatamanagement/qggztdfqwj.html  [B/C] Ant publishes dimensions only
//   yes29     https://yes29.com/detail-55797bc6a5f7b90b.html     range, bands
//   putian    http://putian.vip/zhishiku/56821.html              range, bands, benefit thresholds
//   sboyo     https://m.sboyo.com/1/419103.html                  benefit thresholds
//   wenan     http://www.wenanjuziba.cn/youxiuwenan/268849.html  band benefits
//   kpd109    https://kpd109.vip/24896.html                      what lowers the score
//   manyoumao http://manyoumao.com/kuaiji/817014.html            what lowers the score
//   xinxi     http://www.xinxi1368.com/xinxi/15963.html          anecdote: profile + fewer loans, 524 → 600+

import type { SesameModel } from '../sesame-estimate.ts';

const READKE = 'docs/domain/platform-scores.md#range-and-dimensions: http://readke.com/c/02104449242022.html [C] (dimension definitions)';
const RAISES = 'docs/domain/platform-scores.md#what-raises-the-score: https://www.8809792.com/technology/108.html [C]';
const LOWERS = 'docs/domain/platform-scores.md#what-lowers-the-score: https://kpd109.vip/24896.html ; http://manyoumao.com/kuaiji/817014.html [C]';
const POINTS_OWN = 'Points within the dimension: Credence’s own illustrative choice (sesame-estimate-v1), not published by Ant';

export const SESAME_ESTIMATE_V1: SesameModel = {
  schema: 1,
  id: 'credence-sesame-estimate',
  version: '1.0.0',
  name: { 'zh-CN': '芝麻分示意估算 v1', en: 'Sesame-style estimate v1' },
  description: {
    'zh-CN': '按芝麻信用公开的五个维度，用您本机账本和资料估算的示意分（350–950）。',
    en: 'An illustrative 350–950 score built from the five dimensions Sesame Credit publishes, computed from your own ledger and profile on this computer.',
  },
  disclaimer: {
    'zh-CN': '这只是按芝麻信用公开的维度做的示意，不是蚂蚁的算法：蚂蚁从未公布芝麻分的权重和计算方法，维度权重（35/20/25/15/5）来自非官方网页。请以支付宝里显示的真实分数为准，并可在下方记录它。',
    en: 'This illustrates the factors Sesame Credit publishes; it is not Ant’s algorithm. Ant has never published Sesame’s weights or method, and the dimension weights (35/20/25/15/5) come from unofficial pages. Your real score is the one Alipay shows; you can record it below.',
  },
  scale: { low: 350, high: 950 },
  basePoints: 350,
  sources: [
    'docs/domain/platform-scores.md#sesame-credit: range, five dimensions, unofficial weights, bands, benefit thresholds',
    'docs/domain/platform-scores.md#black-box-scores: label any Sesame estimate as an illustrative model; let the user enter the real score',
    'http://lnmlw.com/Bigdatamanagement/qggztdfqwj.html [B/C]: Ant publishes the dimensions only',
  ],
  impact: { high: 60, medium: 30 },
  dimensions: [
    {
      id: 'credit_history',
      label: { 'zh-CN': '信用历史', en: 'Credit history' },
      weight: 0.35,
      definition: { 'zh-CN': '过往信用账户的还款记录和信用历史长度。', en: 'Past repayment records on credit accounts, and how long the history is.' },
    },
    {
      id: 'behaviour',
      label: { 'zh-CN': '行为偏好', en: 'Behaviour' },
      weight: 0.2,
      definition: { 'zh-CN': '消费、缴费、还款等使用习惯是否稳定。', en: 'Whether everyday use (spending, bill payments, repayments) is regular.' },
    },
    {
      id: 'capacity',
      label: { 'zh-CN': '履约能力', en: 'Ability to pay' },
      weight: 0.25,
      definition: { 'zh-CN': '按时足额还款的能力：额度使用、还款比例、资产与收入。', en: 'Ability to repay in full and on time: use of lines, repayment, assets and income.' },
    },
    {
      id: 'identity',
      label: { 'zh-CN': '身份特质', en: 'Identity' },
      weight: 0.15,
      definition: { 'zh-CN': '个人信息是否完整、稳定（学历、职业、手机号、住址）。', en: 'Whether personal details are complete and stable (education, occupation, phone, address).' },
    },
    {
      id: 'connections',
      label: { 'zh-CN': '人脉关系', en: 'Connections' },
      weight: 0.05,
      definition: { 'zh-CN': '好友的信用状况和互动程度。', en: 'Friends’ credit and how much you interact.' },
    },
  ],
  weightSource: 'docs/domain/platform-scores.md#unofficial-weights: http://m.huiyuanjidian.cn/b/188362.html [C]; Ant does not publish weights (lnmlw [B/C]); some pages swap 20/25 between 行为偏好 and 履约能力',
  factors: [
    {
      key: 'credit_history_months',
      dimension: 'credit_history',
      label: { 'zh-CN': '信用历史长度', en: 'Length of credit history' },
      unit: 'months',
      bins: [
        { lower: null, upper: 6, points: 0 },
        { lower: 6, upper: 12, points: 15 },
        { lower: 12, upper: 36, points: 30 },
        { lower: 36, upper: 60, points: 45 },
        { lower: 60, upper: 96, points: 60 },
        { lower: 96, upper: null, points: 70 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '信用记录时间较短', en: 'A short credit history' },
      effect: { 'zh-CN': '信用账户用得越久，这项越高；它只随时间增长。', en: 'The longer your credit accounts have run, the higher this is; only time raises it.' },
      sources: [READKE, 'docs/domain/explainable-scoring.md#factor-weights: length of history is 15% of FICO (the Western anchor)', POINTS_OWN],
    },
    {
      key: 'late_months_24m',
      dimension: 'credit_history',
      label: { 'zh-CN': '近 24 个月逾期月数', en: 'Late months, last 24 months' },
      unit: 'count',
      bins: [
        { lower: null, upper: 1, points: 90 },
        { lower: 1, upper: 2, points: 55 },
        { lower: 2, upper: 3, points: 35 },
        { lower: 3, upper: 6, points: 15 },
        { lower: 6, upper: null, points: 0 },
      ],
      missing: { points: 90, uncertain: false },
      reason: { 'zh-CN': '近两年有逾期记录', en: 'Late payments in the last two years' },
      effect: { 'zh-CN': '逾期（花呗、借呗等逾期 3 天以上即留下记录）拉低分数；按时还款的月份会把逾期月份逐步挤出 24 个月窗口。', en: 'Late payments (Huabei or Jiebei 3+ days late leaves a record) lower it; months paid on time push them out of the 24-month window.' },
      sources: [LOWERS, POINTS_OWN],
    },
    {
      key: 'overdue_now',
      dimension: 'credit_history',
      label: { 'zh-CN': '当前逾期', en: 'Overdue now' },
      unit: 'flag',
      bins: [
        { lower: null, upper: 1, points: 50 },
        { lower: 1, upper: null, points: 0 },
      ],
      missing: { points: 50, uncertain: false },
      reason: { 'zh-CN': '目前有账户逾期未还', en: 'An account is overdue right now' },
      effect: { 'zh-CN': '还清逾期欠款后这项恢复满分。', en: 'Paying what is overdue restores this in full.' },
      sources: [LOWERS, POINTS_OWN],
    },
    {
      key: 'revolving_utilisation',
      dimension: 'capacity',
      label: { 'zh-CN': '额度使用率', en: 'Credit-line use' },
      unit: 'ratio',
      bins: [
        { lower: null, upper: 0.3, points: 50 },
        { lower: 0.3, upper: 0.5, points: 40 },
        { lower: 0.5, upper: 0.7, points: 25 },
        { lower: 0.7, upper: 0.9, points: 10 },
        { lower: 0.9, upper: null, points: 0 },
      ],
      missing: { points: 25, uncertain: true },
      reason: { 'zh-CN': '花呗、信用卡等额度用得较满', en: 'Credit lines (Huabei, cards) used heavily' },
      effect: { 'zh-CN': '账单日前多还一些、让欠款占额度的比例降低，这项就会提高。', en: 'Paying down before the statement day, so less of the line is in use, raises it.' },
      sources: [
        READKE,
        'docs/domain/lender-heuristics.md#card-utilisation (≤ 50% healthy, > 70% high risk; rule card_utilisation in core/rules/lender-heuristics.ts): a lender heuristic, used here as no Sesame figure is published',
        POINTS_OWN,
      ],
    },
    {
      key: 'full_repayment_share_12m',
      dimension: 'capacity',
      label: { 'zh-CN': '近 12 个月全额还款比例', en: 'Bills repaid in full, last 12 months' },
      unit: 'ratio',
      bins: [
        { lower: null, upper: 0.6, points: 10 },
        { lower: 0.6, upper: 0.9, points: 25 },
        { lower: 0.9, upper: null, points: 40 },
      ],
      missing: { points: 20, uncertain: false },
      reason: { 'zh-CN': '不少账单没有全额还清', en: 'Many bills were not repaid in full' },
      effect: { 'zh-CN': '每期账单全额、按时还清，这项最高。', en: 'Repaying every bill in full and on time makes this highest.' },
      sources: [RAISES, POINTS_OWN],
    },
    {
      key: 'declared_assets',
      dimension: 'capacity',
      label: { 'zh-CN': '已填写的资产与社保', en: 'Assets and insurance on your profile' },
      unit: 'count',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: 2, points: 15 },
        { lower: 2, upper: 3, points: 30 },
        { lower: 3, upper: null, points: 40 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '资料里没有社保、公积金、房产或车辆信息', en: 'No social insurance, housing fund, home or vehicle on the profile' },
      effect: { 'zh-CN': '在芝麻信用里补充社保、公积金、房产、车辆等信息被认为能提分；在这里填写后估算随之变化。', en: 'Adding social insurance, housing fund, home or vehicle details in Sesame is said to raise the score; fill them in here and the estimate follows.' },
      sources: [RAISES, 'docs/domain/platform-scores.md#what-raises-the-score: http://www.xinxi1368.com/xinxi/15963.html [C] (anecdote: profile + fewer loans, 524 → 600+)', POINTS_OWN],
    },
    {
      key: 'debt_to_income',
      dimension: 'capacity',
      label: { 'zh-CN': '负债收入比', en: 'Debt-to-income' },
      unit: 'ratio',
      bins: [
        { lower: null, upper: 0.4, points: 20 },
        { lower: 0.4, upper: 0.5, points: 12 },
        { lower: 0.5, upper: 0.7, points: 6 },
        { lower: 0.7, upper: null, points: 0 },
      ],
      missing: { points: 5, uncertain: false },
      reason: { 'zh-CN': '每月还款占收入比例偏高，或未填写收入', en: 'Monthly repayments high against income, or no income given' },
      effect: { 'zh-CN': '填写月收入后才能计算；每月还款不超过收入的 40–50% 为宜。', en: 'Computed once you give a monthly income; repayments up to 40–50% of income are considered sound.' },
      sources: [READKE, 'docs/domain/lender-heuristics.md#debt-to-income (rule debt_to_income in core/rules/lender-heuristics.ts)', POINTS_OWN],
    },
    {
      key: 'education_provided',
      dimension: 'identity',
      label: { 'zh-CN': '学历信息', en: 'Education on your profile' },
      unit: 'flag',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: null, points: 20 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '资料里没有学历', en: 'No education on the profile' },
      effect: { 'zh-CN': '补充学历信息被认为能提分。', en: 'Adding your education is said to raise the score.' },
      sources: [RAISES, POINTS_OWN],
    },
    {
      key: 'occupation_provided',
      dimension: 'identity',
      label: { 'zh-CN': '职业信息', en: 'Occupation on your profile' },
      unit: 'flag',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: null, points: 20 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '资料里没有职业', en: 'No occupation on the profile' },
      effect: { 'zh-CN': '补充职业信息被认为能提分。', en: 'Adding your occupation is said to raise the score.' },
      sources: [RAISES, POINTS_OWN],
    },
    {
      key: 'phone_years',
      dimension: 'identity',
      label: { 'zh-CN': '手机号使用年数', en: 'Years with your phone number' },
      unit: 'years',
      bins: [
        { lower: null, upper: 2, points: 10 },
        { lower: 2, upper: null, points: 25 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '手机号较新或未填写', en: 'A new phone number, or none given' },
      effect: { 'zh-CN': '手机号不完整或频繁更换被认为会拉低分数；长期使用同一号码更好。', en: 'An incomplete or often-changed phone number is said to lower the score; keeping one number helps.' },
      sources: [LOWERS, POINTS_OWN],
    },
    {
      key: 'address_years',
      dimension: 'identity',
      label: { 'zh-CN': '现住址居住年数', en: 'Years at your address' },
      unit: 'years',
      bins: [
        { lower: null, upper: 2, points: 10 },
        { lower: 2, upper: null, points: 25 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '住址较新或未填写', en: 'A new address, or none given' },
      effect: { 'zh-CN': '住址不完整或频繁更换被认为会拉低分数。', en: 'An incomplete or often-changed address is said to lower the score.' },
      sources: [LOWERS, POINTS_OWN],
    },
    {
      key: 'active_months_12m',
      dimension: 'behaviour',
      label: { 'zh-CN': '近 12 个月活跃月数', en: 'Active months, last 12 months' },
      unit: 'count',
      bins: [
        { lower: null, upper: 3, points: 0 },
        { lower: 3, upper: 6, points: 15 },
        { lower: 6, upper: 10, points: 30 },
        { lower: 10, upper: null, points: 45 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '支付宝、微信的使用不够经常', en: 'Alipay and WeChat used only now and then' },
      effect: { 'zh-CN': '活跃度低被认为会拉低分数；每月都有正常使用更好。导入更多月份的账单也会让这项更准。', en: 'Low activity is said to lower the score; some use every month helps. Importing more months of bills makes this more accurate.' },
      sources: [LOWERS, READKE, POINTS_OWN],
    },
    {
      key: 'bill_payments_12m',
      dimension: 'behaviour',
      label: { 'zh-CN': '近 12 个月用支付宝/微信缴费、还信用卡次数', en: 'Bills and card repayments paid through Alipay or WeChat, last 12 months' },
      unit: 'count',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: 6, points: 20 },
        { lower: 6, upper: null, points: 40 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '很少用支付宝缴费或还信用卡', en: 'Few bills or card repayments paid through Alipay' },
      effect: { 'zh-CN': '用支付宝交水电费、话费和还信用卡被认为能提分。', en: 'Paying utilities and phone bills and repaying cards through Alipay is said to raise the score.' },
      sources: [RAISES, POINTS_OWN],
    },
    {
      key: 'platform_credit_months_12m',
      dimension: 'behaviour',
      label: { 'zh-CN': '近 12 个月使用花呗等月数', en: 'Months using Huabei and similar, last 12 months' },
      unit: 'count',
      bins: [
        { lower: null, upper: 1, points: 10 },
        { lower: 1, upper: 6, points: 25 },
        { lower: 6, upper: null, points: 35 },
      ],
      missing: { points: 10, uncertain: false },
      reason: { 'zh-CN': '很少使用花呗、白条等先买后付', en: 'Huabei, Baitiao and similar used rarely' },
      effect: { 'zh-CN': '经常、少量地使用花呗并按时还清，体现稳定的消费与还款习惯。', en: 'Regular, modest use of Huabei repaid on time shows steady spending and repayment habits.' },
      sources: [READKE, POINTS_OWN],
    },
    {
      key: 'transfer_contacts_12m',
      dimension: 'connections',
      label: { 'zh-CN': '近 12 个月转账往来人数', en: 'People you transferred money with, last 12 months' },
      unit: 'count',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: 5, points: 8 },
        { lower: 5, upper: null, points: 15 },
      ],
      missing: { points: 0, uncertain: false },
      reason: { 'zh-CN': '账单里看不到与他人的转账往来', en: 'No transfers with other people in your bills' },
      effect: { 'zh-CN': '这是人脉“互动程度”的近似：只看导入账单里的转账和红包往来人数。', en: 'A stand-in for how much you interact: only the number of people in transfers and red packets in your imported bills.' },
      sources: [READKE, POINTS_OWN],
    },
    {
      key: 'contacts_credit',
      dimension: 'connections',
      label: { 'zh-CN': '好友的信用状况', en: 'Friends’ credit' },
      unit: 'flag',
      bins: [
        { lower: null, upper: 1, points: 0 },
        { lower: 1, upper: null, points: 15 },
      ],
      missing: { points: 8, uncertain: true },
      reason: { 'zh-CN': '好友的信用状况无法在本机得知', en: 'Friends’ credit cannot be known on this computer' },
      effect: { 'zh-CN': '本机无从得知，按中间值计入，并使估算成为一个区间。', en: 'Not knowable here: counted at the middle, and it makes the estimate a range.' },
      sources: [READKE, POINTS_OWN],
    },
  ],
  bands: [
    { id: 'poor', label: { 'zh-CN': '较差', en: 'Poor' }, lower: 350, upper: 550 },
    { id: 'fair', label: { 'zh-CN': '中等', en: 'Fair' }, lower: 550, upper: 600 },
    { id: 'good', label: { 'zh-CN': '良好', en: 'Good' }, lower: 600, upper: 650 },
    { id: 'very_good', label: { 'zh-CN': '优秀', en: 'Very good' }, lower: 650, upper: 700 },
    { id: 'excellent', label: { 'zh-CN': '极好', en: 'Excellent' }, lower: 700, upper: null },
  ],
  bandSources: [
    'docs/domain/platform-scores.md#grade-bands: https://yes29.com/detail-55797bc6a5f7b90b.html ; http://putian.vip/zhishiku/56821.html ; http://readke.com/c/02104449242022.html ; https://363616.com/article/626885.html [C]',
    'docs/domain/platform-scores.md#grade-bands: whether a boundary belongs to the lower or upper band is never stated; lower bound inclusive',
  ],
  thresholds: [
    {
      id: 'shared_bikes',
      score: 500,
      label: { 'zh-CN': '共享单车免押金', en: 'Deposit-free shared bikes' },
      sources: ['https://m.sboyo.com/1/419103.html [C]'],
      note: null,
    },
    {
      id: 'hotel',
      score: 550,
      label: { 'zh-CN': '酒店免押金入住', en: 'Deposit-free hotel check-in' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]', 'https://m.sboyo.com/1/419103.html [C]', 'http://www.wenanjuziba.cn/youxiuwenan/268849.html [C]'],
      note: null,
    },
    {
      id: 'recycling',
      score: 580,
      label: { 'zh-CN': '信用回收（先收款后寄件）', en: 'Credit recycling (paid before shipping)' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]'],
      note: null,
    },
    {
      id: 'car_rental',
      score: 600,
      label: { 'zh-CN': '租车免押金', en: 'Deposit-free car rental' },
      sources: ['https://m.sboyo.com/1/419103.html [C]'],
      note: { 'zh-CN': '另有来源称 700 分以上才能免押租车（wenanjuziba）。', en: 'Another source puts deposit-free car rental at 700+ (wenanjuziba).' },
    },
    {
      id: 'renting_items',
      score: 600,
      label: { 'zh-CN': '租物免押金', en: 'Deposit-free item rental' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]'],
      note: null,
    },
    {
      id: 'finance',
      score: 600,
      label: { 'zh-CN': '花呗、借呗等金融服务（多数要求）', en: 'Huabei, Jiebei and other finance (most require)' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]'],
      note: null,
    },
    {
      id: 'buy_now_pay_later',
      score: 650,
      label: { 'zh-CN': '先用后付（确认收货后付款）', en: 'Use first, pay after receipt (先用后付)' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]'],
      note: null,
    },
    {
      id: 'flat_rental',
      score: 650,
      label: { 'zh-CN': '租房免押金', en: 'Deposit-free flat rental' },
      sources: ['https://m.sboyo.com/1/419103.html [C]'],
      note: null,
    },
    {
      id: 'higher_limits',
      score: 650,
      label: { 'zh-CN': '更高的花呗、借呗额度', en: 'Higher Huabei and Jiebei limits' },
      sources: ['http://www.wenanjuziba.cn/youxiuwenan/268849.html [C]'],
      note: null,
    },
    {
      id: 'car_sharing',
      score: 700,
      label: { 'zh-CN': '共享汽车免押金', en: 'Deposit-free car sharing' },
      sources: ['http://putian.vip/zhishiku/56821.html [C]'],
      note: { 'zh-CN': '部分商家 650 分即可。', en: 'Some merchants accept 650.' },
    },
  ],
  thresholdNote: {
    'zh-CN': '门槛由各商家自定，常有变化，来源之间也不一致（均为 [C] 级网页）。',
    en: 'Thresholds are set by each merchant, change often and differ between sources (all grade [C] pages).',
  },
  update: {
    dayOfMonth: 6,
    source: 'docs/domain/platform-scores.md#update-frequency: monthly, on the 6th, since July 2015 (https://363616.com/article/626885.html ; https://w.sf024.com/info/924055045135820379.html [C]); one page claims weekly (low confidence)',
  },
};
