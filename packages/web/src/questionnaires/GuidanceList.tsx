import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Guidance } from './api';

/**
 * The patient-facing messages the answers triggered, crisis first, in assertive alerts. The
 * words (emergency numbers included) are the clinical engine's, exactly; the sources follow.
 */
export function GuidanceList({ guidance }: { guidance: readonly Guidance[] }) {
  const { t } = useTranslation();
  if (guidance.length === 0) return null;
  return (
    <Stack gap="md">
      {guidance.map((g) => {
        const crisis = g.kind === 'crisis';
        return (
          <Alert
            key={g.flagId}
            role="alert"
            // Filled and dark enough for white text (AA): red for a crisis, brown-orange otherwise.
            color={crisis ? 'red.9' : '#9a3412'}
            variant="filled"
            title={g.title}
            styles={{ title: { fontSize: '1.25rem' } }}
          >
            <Stack gap="xs">
              <Text size="lg" c="white">
                {g.text}
              </Text>
              {g.sources.length > 0 && (
                <Text size="sm" c="white">
                  {t('questionnaires.answer.sources')}{' '}
                  {g.sources
                    .map(
                      (s) =>
                        `${s.id} [${s.status}]${s.locator === undefined ? '' : ` ${s.locator}`}`,
                    )
                    .join('; ')}
                </Text>
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
