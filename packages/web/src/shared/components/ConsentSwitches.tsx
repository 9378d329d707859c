import { Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentMap } from '../api/types';

interface Props {
  legend: string;
  value: ConsentMap;
  /** Who the data is shared with, for each switch's accessible name ("Share check-ins with Dr. Rivera"). */
  sharedWith: string;
  onChange: (category: ConsentCategory, shared: boolean) => void;
  disabled?: boolean;
}

/**
 * One switch per consent category, each with a plain-language label and a line saying what
 * exactly is shared. The whole row is the touch target.
 */
export function ConsentSwitches({ legend, value, sharedWith, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="sd-options">
      <legend>{legend}</legend>
      <Stack gap={0} className="sd-switch-list">
        {CONSENT_CATEGORIES.map((category) => (
          <Switch
            key={category}
            classNames={{ body: 'sd-switch__body', labelWrapper: 'sd-switch__text' }}
            labelPosition="left"
            label={t(`consent.category.${category}.label`)}
            description={t(`consent.category.${category}.explain`)}
            aria-label={t('consent.shareWith', {
              category: t(`consent.category.${category}.inline`),
              name: sharedWith,
            })}
            checked={value[category]}
            disabled={disabled}
            onChange={(e) => {
              onChange(category, e.currentTarget.checked);
            }}
          />
        ))}
      </Stack>
    </fieldset>
  );
}
