// Where the bureau model's fitted shape contradicts common advice, said on the factor itself, as
// data: the Taiwan file rewards using a line (idle lines and empty statements went with more
// defaults, model card §8 "Idle-line effect"), and gives full points up to a use well above the
// 70% lenders call high risk (docs/domain/lender-heuristics.md#card-utilisation). True of the file,
// not advice: Credence never suggests raising utilisation, and its next steps never do
// (core/score/next-action.ts repays, it never adds spending).

import type { LocalizedText } from '../../shared/localized-text.ts';
import type { BureauFeatureName, BureauModel } from '../bureau-scorecard.ts';

export const BUREAU_CAVEATS_VERSION = '1.0.0';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

const NEVER_MORE: LocalizedText = {
  'zh-CN': 'Credence 不会建议为了提分多刷卡或多借钱：照常消费、每期全额还清即可。',
  en: 'Credence never suggests spending or borrowing more to raise this score: use your lines as you would anyway and repay each bill in full.',
};

const LENDERS: LocalizedText = {
  'zh-CN': '银行普遍认为额度用得越少越好（规则 card_utilisation：50% 以下健康，70% 以上高风险）',
  en: 'lenders hold that the less of a line is used, the better (rule card_utilisation: up to 50% healthy, over 70% high risk)',
};

/** The highest use that still earns the clean card's full points (the upper edge of its best bin). */
function fullPointsUpTo(model: BureauModel): number | null {
  const feature = model.segments.flatMap((s) => s.features).find((f) => f.name === 'max_utilisation_6m');
  const best = feature?.bins.find((b) => b.points === feature.maxPoints);
  return best?.upper ?? null;
}

type Caveats = Readonly<Partial<Record<BureauFeatureName, LocalizedText>>>;

/** The caveat of each fitted feature whose shape contradicts common advice (none for the others): a function of the model, built once per model. */
export function bureauCaveats(model: BureauModel): Caveats {
  let out = caveatsOf.get(model);
  if (!out) caveatsOf.set(model, (out = caveatsFor(model)));
  return out;
}

const caveatsOf = new WeakMap<BureauModel, Caveats>();

function caveatsFor(model: BureauModel): Caveats {
  const upTo = fullPointsUpTo(model);
  return {
    months_light_use_6m: {
      'zh-CN': `与常见建议相反：在建模数据中，额度几乎闲置（账单低于额度 2%）的人违约更多，所以这里用得少反而扣分；而${LENDERS['zh-CN']}。${NEVER_MORE['zh-CN']}`,
      en: `Against common advice: in the fitting data, lines left almost idle (statements under 2% of the line) went with more defaults, so little use costs points here, while ${LENDERS.en}. ${NEVER_MORE.en}`,
    },
    months_no_balance_6m: {
      'zh-CN': `与常见建议相反：在建模数据中，账单为零的月份多的人违约更多，所以这里不用反而扣分；而${LENDERS['zh-CN']}。${NEVER_MORE['zh-CN']}`,
      en: `Against common advice: in the fitting data, more months with nothing owed went with more defaults, so not using a line costs points here, while ${LENDERS.en}. ${NEVER_MORE.en}`,
    },
    ...(upTo === null
      ? {}
      : {
          max_utilisation_6m: {
            'zh-CN': `在建模数据中，账单用到额度的 ${percent(upTo)} 仍得满分；而银行普遍把 70% 以上视为高风险。超过 70% 时，这里的银行规则 card_utilisation 不通过，并显示在评分卡上。`,
            en: `In the fitting data, statements up to ${percent(upTo)} of the line still earned full points, while lenders commonly treat over 70% as high risk. Above 70%, the lender rule card_utilisation fails here and is shown on the score card.`,
          },
        }),
  };
}
