// The texts a person reads before and after a consent, versioned, each identified by the sha256
// of its exact UTF-8 text (PIPL Art. 17: processing rules "easy to consult and save"):
//   - the consent notice (告知书) on the separate consent screen, from the terms alone, so the
//     screen and the grant can both render it and the grant can check the hash the user saw;
//   - the recipient's notice, NOTICE.zh-CN.txt and NOTICE.en.txt in every package.

import { z } from 'zod';
import { LOCALES, type Locale } from '../shared/localized-text.ts';
import { LOCATION_LABELS, RECIPIENT_KIND_LABELS } from './catalogue.ts';
import { categoryOf } from './categories/index.ts';
import { sha256Hex } from './digest.ts';
import { REDACTION_RULES } from './redaction.ts';
import type { ConsentTerms } from './terms.ts';

export const NOTICE_VERSION = 'consent-notice@1';
export const PACKAGE_NOTICE_VERSION = 'package-notice@1';

/** A notice as shown, identified by the sha256 of its text: the wire shape and its type. */
export const renderedNoticeSchema = z.strictObject({
  version: z.string(),
  language: z.enum(LOCALES),
  text: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RenderedNotice = z.output<typeof renderedNoticeSchema>;

function scopeLines(terms: Pick<ConsentTerms, 'categories'>, locale: Locale): string[] {
  const lines: string[] = [];
  for (const entry of terms.categories) {
    const source = categoryOf(entry.code)!;
    const fields = entry.fields.map((key) => source.columns.find((c) => c.key === key)!.label[locale]);
    lines.push(`- ${source.label[locale]}${locale === 'zh-CN' ? '：' : ': '}${fields.join(locale === 'zh-CN' ? '、' : ', ')}`);
    lines.push(`  ${locale === 'zh-CN' ? '用途' : 'Why'}${locale === 'zh-CN' ? '：' : ': '}${source.purpose[locale]}`);
  }
  return lines;
}

/** Whether the scope includes a column the credit regulation restricts (income). */
export function includesRestricted(terms: Pick<ConsentTerms, 'categories'>): boolean {
  return terms.categories.some((e) => e.fields.some((f) => categoryOf(e.code)!.restricted.includes(f)));
}

const redactionLine = (locale: Locale) => REDACTION_RULES.map((r) => r.label[locale]).join(locale === 'zh-CN' ? '；' : '; ');

function consentNoticeZh(t: ConsentTerms): string {
  const overseas = t.recipient.location === 'overseas';
  return [
    `个人信息对外提供单独同意告知书（${NOTICE_VERSION}）`,
    '',
    '你即将同意：由你本人从 Credence 导出下列个人信息，交给下列接收方。本页面依据《个人信息保护法》第二十三条、第二十九条单独征求你的同意，不与任何其他条款捆绑。你可以不同意；不同意不影响 Credence 的任何本地功能。',
    '',
    '一、接收方',
    `名称：${t.recipient.name}（${RECIPIENT_KIND_LABELS[t.recipient.kind]['zh-CN']}）`,
    `联系方式：${t.recipient.contact}`,
    `所在地：${LOCATION_LABELS[t.recipient.location]['zh-CN']}`,
    '',
    '二、目的与方式',
    `目的：${t.purpose.text}`,
    '方式：每次导出生成一个加密压缩包（默认 AES-256 加密），由你自行交给接收方。Credence 不会联网发送任何数据。',
    `有效期：自同意之时起至 ${t.expiresOn} 23:59:59（北京时间，UTC+8），其间最多导出 ${t.maxExports} 次。`,
    '',
    '三、提供的个人信息（均为敏感个人信息：金融账户信息，《个人信息保护法》第二十八条）',
    ...scopeLines(t, 'zh-CN'),
    ...(includesRestricted(t)
      ? ['其中「月收入」属于《征信业管理条例》第十四条限定的收入信息：接收方可能据此评估你的还款能力，可能对你的贷款审批结果产生不利影响。']
      : []),
    `默认脱敏：${redactionLine('zh-CN')}。所选字段以外的任何信息都不会出现在文件中。`,
    '',
    '四、对你的影响',
    '接收方将能看到上述信息，并可能据此评估你的信用状况或向你提出建议。文件一旦交出，Credence 无法收回。',
    '',
    '五、保存期限与接收方的义务',
    `接收方应在 ${t.recipientDeleteBy} 前删除这些信息及其全部副本。`,
    '接收方只能在上述目的范围内使用这些信息，不得向任何第三方提供（《个人信息保护法》第二十三条，《征信业管理条例》第二十条）。',
    ...(overseas
      ? [
          '',
          '六、向境外提供',
          '接收方位于中国境外。向境外提供个人信息可能须通过国家网信部门组织的安全评估、个人信息保护认证或订立标准合同（《个人信息保护法》第三十八条）。你可以通过上面的联系方式向境外接收方行使查阅、复制、更正、删除等权利（第三十九条）。',
        ]
      : []),
    '',
    `${overseas ? '七' : '六'}、你的权利`,
    '你可以随时在 Credence「授权与导出」页面一键撤回本同意（命令行：credence consent withdraw）。撤回后不能再依据本同意导出；撤回不影响撤回前已经导出的文件（《个人信息保护法》第十五条），你可以要求接收方删除（第四十七条）。',
    '每次授权、修改、撤回和到期，Credence 都会生成回执，并记入本机的防篡改日志。',
  ].join('\n');
}

function consentNoticeEn(t: ConsentTerms): string {
  const overseas = t.recipient.location === 'overseas';
  return [
    `Notice for separate consent to providing personal information (${NOTICE_VERSION})`,
    '',
    'You are about to agree that you export the personal information below from Credence and give it to the recipient below. This screen asks for your separate consent under Articles 23 and 29 of the Personal Information Protection Law (PIPL), bundled with nothing else. You may refuse; refusing changes nothing Credence does on this computer.',
    '',
    '1. Recipient',
    `Name: ${t.recipient.name} (${RECIPIENT_KIND_LABELS[t.recipient.kind].en})`,
    `Contact: ${t.recipient.contact}`,
    `Location: ${LOCATION_LABELS[t.recipient.location].en}`,
    '',
    '2. Purpose and method',
    `Purpose: ${t.purpose.text}`,
    'Method: each export makes one encrypted archive (AES-256 by default) that you hand to the recipient yourself. Credence sends nothing over any network.',
    `Validity: from the moment you agree until ${t.expiresOn} 23:59:59 China time (UTC+8), for at most ${t.maxExports} export(s).`,
    '',
    '3. The personal information provided (all sensitive personal information: financial accounts, PIPL Art. 28)',
    ...scopeLines(t, 'en'),
    ...(includesRestricted(t)
      ? ['Monthly income is income information restricted by Article 14 of the Regulation on the Administration of Credit Reporting: the recipient may use it to assess your capacity to repay, and it may affect a lending decision against you.']
      : []),
    `Redaction by default: ${redactionLine('en')}. Nothing outside the chosen fields appears in the file.`,
    '',
    '4. What it means for you',
    'The recipient will see this information and may assess your credit or advise you on it. Once a file is handed over, Credence cannot recall it.',
    '',
    '5. Retention and the recipient’s duties',
    `The recipient must delete this information and every copy by ${t.recipientDeleteBy}.`,
    'The recipient may use it only for the purpose above and may not provide it to any third party (PIPL Art. 23; Regulation on the Administration of Credit Reporting, Art. 20).',
    ...(overseas
      ? [
          '',
          '6. Transfer abroad',
          'The recipient is outside mainland China. Providing personal information abroad may require a security assessment by the Cyberspace Administration, a certification or a standard contract (PIPL Art. 38). You may exercise your rights to access, copy, correct and delete against the overseas recipient through the contact above (Art. 39).',
        ]
      : []),
    '',
    `${overseas ? '7' : '6'}. Your rights`,
    'You can withdraw this consent at any time in one step on Credence’s Consent and export page (command line: credence consent withdraw). After that nothing more can be exported under it; files exported before the withdrawal are not affected (PIPL Art. 15), and you may ask the recipient to delete them (Art. 47).',
    'Every grant, amendment, withdrawal and expiry produces a receipt and an entry in this computer’s tamper-evident log.',
  ].join('\n');
}

export function renderConsentNotice(terms: ConsentTerms, locale: Locale): RenderedNotice {
  const text = locale === 'zh-CN' ? consentNoticeZh(terms) : consentNoticeEn(terms);
  return { version: NOTICE_VERSION, language: locale, text, sha256: sha256Hex(text) };
}

export interface PackageNoticeFacts {
  consentId: string;
  exportId: string;
  grantedAt: string;
  principal: string;
  terms: ConsentTerms;
}

/** NOTICE.<locale>.txt: what the recipient may and may not do with the package. */
export function renderPackageNotice(f: PackageNoticeFacts, locale: Locale): string {
  const t = f.terms;
  if (locale === 'zh-CN') {
    return [
      `致接收方：${t.recipient.name}`,
      '',
      `本文件包含 ${f.principal} 依据单独同意（同意编号 ${f.consentId}，${f.grantedAt}）向你提供的个人信息（导出编号 ${f.exportId}）。`,
      `目的：${t.purpose.text}。你只能在此目的范围内使用。`,
      '包含的信息：',
      ...scopeLines(t, 'zh-CN'),
      `已脱敏：${redactionLine('zh-CN')}。`,
      `删除期限：请在 ${t.recipientDeleteBy} 前删除本文件及其全部副本。`,
      '不得向任何第三方提供（《征信业管理条例》第二十条，《个人信息保护法》第二十三条）。',
      `提供人可以随时撤回同意（在 Credence「授权与导出」页面，或运行 credence consent withdraw ${f.consentId}）。得知撤回后，请停止处理并删除这些信息（《个人信息保护法》第十五条、第四十七条）。`,
      '校验：manifest.json 列出每个文件的 SHA-256、字节数和行数；可用 credence export verify 校验整个文件。',
      '数据说明：金额为整数「分」（1 元 = 100 分）；日期、时间均为北京时间（UTC+8）；CSV 为带 BOM 的 UTF-8，可用 Excel、WPS 打开。',
    ].join('\n');
  }
  return [
    `To the recipient: ${t.recipient.name}`,
    '',
    `This file holds personal information that ${f.principal} provides to you under a separate consent (consent ${f.consentId}, ${f.grantedAt}); export ${f.exportId}.`,
    `Purpose: ${t.purpose.text}. You may use it for this purpose only.`,
    'What it holds:',
    ...scopeLines(t, 'en'),
    `Redacted: ${redactionLine('en')}.`,
    `Delete by: delete this file and every copy by ${t.recipientDeleteBy}.`,
    'No onward transfer: you may not provide it to any third party (Regulation on the Administration of Credit Reporting, Art. 20; PIPL Art. 23).',
    `The person may withdraw the consent at any time (on Credence’s Consent and export page, or with credence consent withdraw ${f.consentId}). Once you learn of it, stop processing and delete the information (PIPL Arts. 15 and 47).`,
    'Checking: manifest.json lists every file’s SHA-256, size and rows; credence export verify checks the whole file.',
    'Data: amounts are integer fen (1 yuan = 100 fen); dates and times are China time (UTC+8); the CSV files are UTF-8 with a BOM and open in Excel and WPS.',
  ].join('\n');
}
