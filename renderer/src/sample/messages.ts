// The sample client (core/sample): the first screen's action that creates it, and the badge
// every page shows while it is open. zh-CN first; the English is checked against it both ways.
import type { TranslationOf } from '../i18n/translation.ts';

const zhCN = {
  'sample.title': '手头没有账单？先看看示例客户',
  'sample.body': '一键创建一个装有虚构数据的示例档案：两张信用卡、花呗、借呗两笔借款、微粒贷、京东白条、一次逾期、几条查询记录，两年的账单，日期随今天推算。数据全部是合成的，不属于任何人，可随时删除。',
  'sample.create': '创建示例客户',
  'sample.creating': '正在生成示例数据…',
  'sample.name': '示例客户（虚构数据）',
  'sample.nameNumbered': '示例客户（虚构数据）{n}',
  'sample.badge': '示例数据',
  'sample.headerBadge': '示例档案：数据为虚构',
  'sample.headerHint': '这个档案的所有数据都是合成的，不属于任何人；授权导出默认不包含它。',
  'sample.includeInExport': '包含示例数据：我知道这个档案的数据是虚构的，仍要导出（例如用于演示）',
} as const;

const en = {
  'sample.title': 'No bills at hand? Look at the sample client first',
  'sample.body': 'Creates a profile of made-up data in one click: credit cards, Huabei, two Jiebei draws, Weilidai, JD Baitiao, one late payment, a few credit checks and two years of bills, dated back from today. All of it is synthetic, belongs to nobody, and can be deleted at any time.',
  'sample.create': 'Create the sample client',
  'sample.creating': 'Generating the sample…',
  'sample.name': 'Sample client (made-up data)',
  'sample.nameNumbered': 'Sample client (made-up data) {n}',
  'sample.badge': 'Sample data',
  'sample.headerBadge': 'Sample profile: made-up data',
  'sample.headerHint': 'Everything in this profile is synthetic and belongs to nobody; consent exports leave it out unless you choose otherwise.',
  'sample.includeInExport': 'Include sample data: I know this profile’s data is made up and want to export it anyway (for a demonstration)',
} as const;

export const messages = { 'zh-CN': zhCN satisfies TranslationOf<typeof en>, en };
