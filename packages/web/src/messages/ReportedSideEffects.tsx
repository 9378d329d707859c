import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckInView } from '../shared/api/types';
import { reportedSideEffects } from './logic';
import { TellAboutSideEffect } from './TellCareTeam';
import { useContextWords } from './useContextWords';

/** The side effects a check-in just saved reports, each with "tell my care team". */
export function ReportedSideEffects({ checkIn }: { checkIn: CheckInView }) {
  const { t } = useTranslation();
  const words = useContextWords();
  const reported = reportedSideEffects(checkIn);
  if (reported.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reported-effects">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="reported-effects">
          {t('messages.sideEffects.heading')}
        </Title>
        <ul className="sd-msg-threads">
          {reported.map((e) => (
            <li key={e.key}>
              <Stack gap={6}>
                <Text fw={600}>
                  {t('messages.sideEffects.item', {
                    name: words.sideEffectName(e),
                    severity: words.severity(e),
                  })}
                </Text>
                <TellAboutSideEffect checkIn={checkIn} sideEffect={e} />
              </Stack>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}
