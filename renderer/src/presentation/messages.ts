// Presentation mode (renderer/src/presentation): its zh-CN and English slice. zh-CN first; the
// English is checked against it both ways (i18n/translation.ts).
import type { TranslationOf } from '../i18n/translation.ts';

const zhCN = {
  'presentation.switch': '演示模式',
  'presentation.switchTitle': '隐藏金额与个人身份信息（快捷键 Ctrl+Shift+P，macOS 为 ⌘⇧P）',
  'presentation.on': '演示模式已开启：金额、姓名、电话、卡号后四位与订单号均已隐藏。',
  'presentation.hideScores': '同时隐藏评分',
  'presentation.hidden': '已隐藏',
} as const;

const en = {
  'presentation.switch': 'Presentation mode',
  'presentation.switchTitle': 'Hide amounts and personal identifiers (shortcut Ctrl+Shift+P, ⌘⇧P on macOS)',
  'presentation.on': 'Presentation mode is on: amounts, names, phone numbers, card last four digits and order ids are hidden.',
  'presentation.hideScores': 'Hide scores too',
  'presentation.hidden': 'Hidden',
} as const satisfies TranslationOf<typeof zhCN>;

export const messages = { 'zh-CN': zhCN satisfies TranslationOf<typeof en>, en };
