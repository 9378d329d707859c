import { useId } from 'react';

export interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
  /** Colour of the selected state: severity levels use warn/danger (always alongside the word). */
  readonly tone?: 'warn' | 'danger';
}

interface OptionGroupProps<V extends string> {
  legend: string;
  options: readonly Option<V>[];
  value: V | null;
  onChange: (value: V) => void;
  hint?: string;
  error?: string | null;
  /** Columns on a phone; 0–10 scales use the dedicated scale layout instead. */
  columns?: number;
  scale?: boolean;
  /** id of the fieldset, e.g. to move focus to the group when it needs an answer. */
  id?: string;
}

/**
 * A labelled group of radio buttons that look like big tappable buttons: a fieldset/legend for
 * screen readers, native radios for keyboard (arrow keys) and a 48 px target for thumbs.
 */
export function OptionGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  columns = 3,
  scale = false,
  id,
}: OptionGroupProps<V>) {
  const name = useId();
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className="sd-options"
      aria-describedby={describedBy === '' ? undefined : describedBy}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="sd-options__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div
        className="sd-options__row"
        data-scale={scale ? '' : undefined}
        data-dense={!scale && columns >= 4 ? '' : undefined}
        style={scale ? undefined : ({ '--sd-cols': columns } as React.CSSProperties)}
      >
        {options.map((option) => (
          <label key={option.value} className="sd-option" data-tone={option.tone}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="sd-options__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
