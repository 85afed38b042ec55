import { useEffect, useState, type FormEvent } from 'react';
import { FormField } from '../accounts/FormField.tsx';
import { parseYuan } from '../../../core/shared/money.ts';
import { yuanText } from '../accounts/money.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfileFacts, type ProfileFactsReply } from './useScores.ts';

type Facts = ProfileFactsReply['facts'];
type Form = Record<keyof Facts, string>;

const FLAGS = ['socialInsurance', 'providentFund', 'ownsHome', 'ownsVehicle'] as const;

function toForm(f: Facts): Form {
  const flag = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
  const num = (v: number | null) => (v === null ? '' : String(v));
  return {
    monthlyIncomeFen: yuanText(f.monthlyIncomeFen),
    education: f.education ?? '',
    occupation: f.occupation ?? '',
    socialInsurance: flag(f.socialInsurance),
    providentFund: flag(f.providentFund),
    ownsHome: flag(f.ownsHome),
    ownsVehicle: flag(f.ownsVehicle),
    phoneYears: num(f.phoneYears),
    addressYears: num(f.addressYears),
  };
}

/** Text → what core stores; text that is not a number reaches core as text, which names the field. */
function toInput(form: Form): Record<string, unknown> {
  const flag = (v: string) => (v === '' ? null : v === 'yes');
  const num = (v: string) => (v.trim() === '' ? null : Number.isFinite(Number(v)) ? Number(v) : v);
  const income = parseYuan(form.monthlyIncomeFen);
  return {
    monthlyIncomeFen: income === undefined ? form.monthlyIncomeFen : income,
    education: form.education || null,
    occupation: form.occupation.trim() || null,
    ...Object.fromEntries(FLAGS.map((key) => [key, flag(form[key])])),
    phoneYears: num(form.phoneYears),
    addressYears: num(form.addressYears),
  };
}

/** The bureau's `score.invalid_profile` sentences, by field. */
function profileErrors(error: IpcError | null): Record<string, { 'zh-CN': string; en: string }> {
  if (!error || error.code !== 'score.invalid_profile') return {};
  const fields = (error.details.fields ?? []) as { field: string; message: { 'zh-CN': string; en: string } }[];
  return Object.fromEntries(fields.map((f) => [f.field, f.message]));
}

/** What no bill shows: income (debt-to-income) and the details Sesame rewards giving. */
export function ProfileFactsForm({ profileId, onSaved }: { profileId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const facts = useProfileFacts(profileId);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (facts.data) setForm(toForm(facts.data.facts));
  }, [facts.data]);
  if (facts.error) return <ErrorMessage error={facts.error} />;
  if (!form || !facts.data) return <p className="muted">{t('app.loading')}</p>;
  const errors = profileErrors(error);
  const set = (key: keyof Form) => (value: string) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };
  const yesNo = [
    { value: '', label: t('score.profile.notSaid') },
    { value: 'yes', label: t('score.value.yes') },
    { value: 'no', label: t('score.value.no') },
  ];
  const education = {
    secondary: t('score.profile.education.secondary'),
    vocational: t('score.profile.education.vocational'),
    bachelor: t('score.profile.education.bachelor'),
    postgraduate: t('score.profile.education.postgraduate'),
    other: t('score.profile.education.other'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const reply = await invoke('score.profile.save', { profileId, input: toInput(form) });
      facts.set(reply);
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ledger-form profile-facts" onSubmit={(event) => void submit(event)} noValidate data-testid="profile-facts">
      <div className="profile-facts-grid">
        <FormField name="monthlyIncomeFen" label={t('score.profile.income')} hint={t('score.profile.incomeHint')} error={errors.monthlyIncomeFen} value={form.monthlyIncomeFen} onChange={set('monthlyIncomeFen')} />
        <FormField
          name="education"
          label={t('score.profile.education')}
          error={errors.education}
          value={form.education}
          onChange={set('education')}
          options={[{ value: '', label: t('score.profile.notSaid') }, ...facts.data.educationLevels.map((level) => ({ value: level, label: education[level] }))]}
        />
        <FormField name="occupation" label={t('score.profile.occupation')} error={errors.occupation} value={form.occupation} onChange={set('occupation')} />
        <FormField name="phoneYears" label={t('score.profile.phoneYears')} error={errors.phoneYears} value={form.phoneYears} onChange={set('phoneYears')} />
        <FormField name="addressYears" label={t('score.profile.addressYears')} error={errors.addressYears} value={form.addressYears} onChange={set('addressYears')} />
        <FormField name="socialInsurance" label={t('score.profile.socialInsurance')} error={errors.socialInsurance} value={form.socialInsurance} onChange={set('socialInsurance')} options={yesNo} />
        <FormField name="providentFund" label={t('score.profile.providentFund')} error={errors.providentFund} value={form.providentFund} onChange={set('providentFund')} options={yesNo} />
        <FormField name="ownsHome" label={t('score.profile.ownsHome')} error={errors.ownsHome} value={form.ownsHome} onChange={set('ownsHome')} options={yesNo} />
        <FormField name="ownsVehicle" label={t('score.profile.ownsVehicle')} error={errors.ownsVehicle} value={form.ownsVehicle} onChange={set('ownsVehicle')} options={yesNo} />
      </div>
      <p className="muted">{t('score.profile.privacy')}</p>
      <button type="submit" className="button button-primary" disabled={busy} data-testid="profile-facts-save">
        {t('score.profile.save')}
      </button>
      {saved && <span className="success-text"> {t('score.profile.saved')}</span>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
