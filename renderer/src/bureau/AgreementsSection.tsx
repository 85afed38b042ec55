import { money } from '../accounts/format.ts';
import { accountHref } from '../accounts/useLedger.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BureauTable } from './BureauTable.tsx';
import type { BureauReport } from './useBureau.ts';
import { identifier } from '../presentation/format.ts';

/** 三(七) 授信协议信息: the lines several accounts share, with the accounts under each (core/bureau/credit-lines.ts). */
export function AgreementsSection({ agreements }: { agreements: BureauReport['agreements'] }) {
  const { t } = useI18n();
  const dash = t('ledger.unknown');
  return (
    <section className="panel bureau-section" data-testid="bureau-agreements" aria-labelledby="bureau-agreements-title">
      <h2 id="bureau-agreements-title">{t('bureau.agreements.title')}</h2>
      <p className="muted">{t('bureau.agreements.intro')}</p>
      {agreements.length === 0 ? (
        <p className="muted">{t('bureau.agreements.none')}</p>
      ) : (
        <BureauTable
          columns={[
            { label: t('bureau.agreements.name') },
            { label: t('bureau.agreements.kind') },
            { label: t('bureau.agreements.lender') },
            { label: t('bureau.agreements.limit') },
            { label: t('bureau.agreements.used') },
            { label: t('bureau.agreements.accounts') },
          ]}
        >
          <tbody>
            {agreements.map((a) => (
              <tr key={a.key} data-testid="agreement-row" data-kind={a.kind}>
                <td>{identifier(a.name)}</td>
                <td>{t(a.kind === 'shared_card_line' ? 'bureau.agreements.shared' : 'bureau.agreements.loanLine')}</td>
                <td>{a.lender ?? dash}</td>
                <td data-testid="agreement-limit">{money(a.limitFen, dash)}</td>
                <td>{money(a.usedFen, dash)}</td>
                <td>
                  {a.accounts.map((x, i) => (
                    <span key={x.id}>
                      {i > 0 && t('bureau.reporting.listSeparator')}
                      <a href={accountHref(x.id)}>{identifier(x.name)}</a> <span className="muted">{x.type}</span>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </BureauTable>
      )}
    </section>
  );
}
