import { useId } from 'react';

/** A labelled password input (never autocompleted: a passphrase is not a website password). */
export function PassphraseField(props: { label: string; value: string; onChange: (value: string) => void; testId: string; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field lock-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        data-testid={props.testId}
        value={props.value}
        autoFocus={props.autoFocus}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
