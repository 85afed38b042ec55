// Every platform Credence reads exports from, in one table: its id (stored with each imported
// row), whether it is a payment platform or a card-issuing bank (a bank's own statement is the
// complete record of its cards: docs/formats/bill-exports.md#bank-and-card-files), and its name
// in both languages, which is also how the bills themselves name the bank (`招商银行信用卡(1234)`).
// Node-free: the renderer names platforms from it.

import type { LocalizedText } from './localized-text.ts';

interface PlatformRow {
  id: string;
  kind: 'payment' | 'bank';
  name: LocalizedText;
}

const TABLE = [
  { id: 'alipay', kind: 'payment', name: { 'zh-CN': '支付宝', en: 'Alipay' } },
  { id: 'wechat', kind: 'payment', name: { 'zh-CN': '微信支付', en: 'WeChat Pay' } },
  { id: 'jd', kind: 'payment', name: { 'zh-CN': '京东', en: 'JD.com' } },
  { id: 'meituan', kind: 'payment', name: { 'zh-CN': '美团', en: 'Meituan' } },
  { id: 'icbc', kind: 'bank', name: { 'zh-CN': '工商银行', en: 'ICBC' } },
  { id: 'cmb', kind: 'bank', name: { 'zh-CN': '招商银行', en: 'China Merchants Bank' } },
  { id: 'citic', kind: 'bank', name: { 'zh-CN': '中信银行', en: 'China CITIC Bank' } },
] as const satisfies readonly PlatformRow[];

export type Platform = (typeof TABLE)[number]['id'];

export interface PlatformInfo extends Omit<PlatformRow, 'id'> {
  id: Platform;
}

export const PLATFORMS: readonly PlatformInfo[] = TABLE;

export const PAYMENT_PLATFORMS: readonly Platform[] = PLATFORMS.filter((p) => p.kind === 'payment').map((p) => p.id);
export const BANK_PLATFORMS: readonly Platform[] = PLATFORMS.filter((p) => p.kind === 'bank').map((p) => p.id);

const BY_ID = new Map<string, PlatformInfo>(PLATFORMS.map((p) => [p.id, p]));

/** The platform of a stored id, or null for one this build does not know (a newer database). */
export function platformInfo(id: string): PlatformInfo | null {
  return BY_ID.get(id) ?? null;
}

export function isBankPlatform(id: string): boolean {
  return BY_ID.get(id)?.kind === 'bank';
}

/** The bank's own name, as its statements and the other platforms' bills write it. */
export function bankName(id: Platform): string {
  return BY_ID.get(id)!.name['zh-CN'];
}
