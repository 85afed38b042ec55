// The one place the features' message slices become the catalogue `translate` reads.
import type { Locale } from '../../../core/shared/localized-text.ts';
import { messages as accounts } from '../accounts/messages.ts';
import { messages as backups } from '../backups/messages.ts';
import { messages as bureau } from '../bureau/messages.ts';
import { messages as checklist } from '../checklist/messages.ts';
import { messages as components } from '../components/messages.ts';
import { messages as consent } from '../consent/messages.ts';
import { messages as conventions } from '../conventions/messages.ts';
import { messages as dashboard } from '../dashboard/messages.ts';
import { messages as importPage } from '../import/messages.ts';
import { messages as lock } from '../lock/messages.ts';
import { messages as pages } from '../pages/messages.ts';
import { messages as plan } from '../plan/messages.ts';
import { messages as presentation } from '../presentation/messages.ts';
import { messages as roster } from '../roster/messages.ts';
import { messages as sample } from '../sample/messages.ts';
import { messages as transactions } from '../transactions/messages.ts';
import { messages as whatif } from '../whatif/messages.ts';

/** Each slice by the folder that owns it (the i18n test checks every `messages.ts` is here, and no key is in two). */
export const slices = { components, pages, import: importPage, accounts, bureau, dashboard, transactions, consent, lock, backups, whatif, plan, conventions, roster, presentation, sample, checklist };

type Slices = typeof slices;
export type MessageKey = { [Owner in keyof Slices]: keyof Slices[Owner]['zh-CN'] }[keyof Slices];

function catalogue(locale: Locale): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(slices).map((slice) => slice[locale]));
}

export const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': catalogue('zh-CN'), en: catalogue('en') };
