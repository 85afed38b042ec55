import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface Option {
  value: string;
  label: string;
}

/** A labelled input or select, with a hint and the field's own error sentence under it. */
export function FormField({
  name,
  label,
  value,
  onChange,
  type = 'text',
  options,
  hint,
  error,
  localError,
  extra,
  disabled,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'month';
  options?: Option[];
  hint?: ReactNode;
  /** From core, in both languages. */
  error?: { 'zh-CN': string; en: string };
  /** From the form itself (not an amount, …). */
  localError?: string | null;
  extra?: ReactNode;
  disabled?: boolean;
}) {
  const { locale } = useI18n();
  const id = useId();
  const message = localError ?? error?.[locale];
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`form-field${message ? ' form-field-invalid' : ''}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} value={value} disabled={disabled} aria-invalid={message ? true : undefined} aria-describedby={describedBy} data-testid={`field-${name}`} onChange={(event) => onChange(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          type={type}
          value={value}
          disabled={disabled}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          data-testid={`field-${name}`}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {hint && !message && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {message && (
        <span className="error-text" id={`${id}-error`} role="alert" data-testid={`field-error-${name}`}>
          {message}
        </span>
      )}
      {extra}
    </div>
  );
}
