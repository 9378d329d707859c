import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GUIDANCE_CODES, type Guidance, type GuidanceCode } from '../shared/api/types';

function isKnownCode(code: string): code is GuidanceCode {
  return (GUIDANCE_CODES as readonly string[]).includes(code);
}

/** Safety guidance after a check-in: emergencies first, in an assertive alert. */
export function GuidancePanel({ guidance }: { guidance: readonly Guidance[] }) {
  const { t } = useTranslation();
  const sorted = [...guidance].sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'emergency' ? -1 : 1,
  );
  if (sorted.length === 0) return null;
  return (
    <Stack gap="md">
      {sorted.map((g) => {
        const title = isKnownCode(g.code)
          ? t(`checkin.guidance.${g.code}.title`)
          : t(`checkin.guidanceFallback.${g.level}.title`);
        const body = isKnownCode(g.code)
          ? t(`checkin.guidance.${g.code}.body`)
          : t(`checkin.guidanceFallback.${g.level}.body`);
        const emergency = g.level === 'emergency';
        return (
          <Alert
            key={g.code}
            role="alert"
            // Both filled and dark enough for white text (AA); red for emergencies, brown-orange otherwise.
            color={emergency ? 'red.9' : '#9a3412'}
            variant="filled"
            title={title}
            styles={{ title: { fontSize: '1.25rem' } }}
          >
            <Text size="lg" c="white">
              {body}
            </Text>
          </Alert>
        );
      })}
    </Stack>
  );
}
