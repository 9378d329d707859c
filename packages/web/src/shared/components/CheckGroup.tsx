import { useId } from 'react';
import type { Option } from './OptionGroup';

interface CheckGroupProps<V extends string> {
  legend: string;
  options: readonly Option<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  columns?: number;
}

/** Multi-select "chips": native checkboxes in a fieldset, styled as big toggle buttons. */
export function CheckGroup<V extends string>({
  legend,
  options,
  values,
  onChange,
  columns = 2,
}: CheckGroupProps<V>) {
  const name = useId();
  return (
    <fieldset className="sd-options">
      <legend>{legend}</legend>
      <div className="sd-options__row" style={{ '--sd-cols': columns } as React.CSSProperties}>
        {options.map((option) => (
          <label key={option.value} className="sd-option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                onChange(
                  checked ? [...values, option.value] : values.filter((v) => v !== option.value),
                );
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
