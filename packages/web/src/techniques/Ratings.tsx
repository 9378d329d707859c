import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScaleGroup } from '../shared/components/ScaleGroup';

interface Props {
  when: 'before' | 'after';
  pain: number | null;
  tension: number | null;
  onPain: (value: number | null) => void;
  onTension: (value: number | null) => void;
}

/** Pain and muscle tension 0–10, both optional. */
export function Ratings({ when, pain, tension, onPain, onTension }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <ScaleGroup
        legend={t(`techniques.ratings.pain.${when}`)}
        low={t('techniques.ratings.pain.low')}
        high={t('techniques.ratings.pain.high')}
        value={pain}
        onChange={onPain}
        clearable
      />
      <ScaleGroup
        legend={t(`techniques.ratings.tension.${when}`)}
        low={t('techniques.ratings.tension.low')}
        high={t('techniques.ratings.tension.high')}
        value={tension}
        onChange={onTension}
        clearable
      />
    </Stack>
  );
}
