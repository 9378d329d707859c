import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OptionGroup, type Option } from './OptionGroup';

const SCALE: readonly Option<string>[] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  label: String(n),
}));

interface ScaleGroupProps {
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | null;
  /** Optional scales get a "Clear" button to go back to "not rated". */
  clearable?: boolean;
  id?: string;
}

/** A 0–10 numeric rating scale (NRS) as eleven big buttons, with its anchors spelled out. */
export function ScaleGroup({
  legend,
  low,
  high,
  value,
  onChange,
  error,
  clearable = false,
  id,
}: ScaleGroupProps) {
  const { t } = useTranslation();
  return (
    <div>
      <OptionGroup
        id={id}
        legend={legend}
        hint={t('checkin.scaleHint', { low, high })}
        options={SCALE}
        value={value === null ? null : String(value)}
        onChange={(v) => {
          onChange(Number(v));
        }}
        error={error}
        scale
      />
      {clearable && value !== null && (
        <Button
          variant="subtle"
          size="sm"
          mt={4}
          aria-label={t('checkin.clearRatingAria', { label: legend })}
          onClick={() => {
            onChange(null);
          }}
        >
          {t('checkin.clearRating')}
        </Button>
      )}
    </div>
  );
}
