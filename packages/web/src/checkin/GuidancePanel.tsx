import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LearnMoreLink } from '../learn/LearnMoreLink';
import { TellAboutCheckIn } from '../messages/TellCareTeam';
import {
  GUIDANCE_CODES,
  type CheckInView,
  type Guidance,
  type GuidanceCode,
} from '../shared/api/types';

function isKnownCode(code: string): code is GuidanceCode {
  return (GUIDANCE_CODES as readonly string[]).includes(code);
}

/**
 * Safety guidance after a check-in: emergencies first, in an assertive alert. With the check-in
 * given, "contact your care team" guidance offers to tell them, the check-in attached.
 */
export function GuidancePanel({
  guidance,
  checkIn,
}: {
  guidance: readonly Guidance[];
  checkIn?: CheckInView;
}) {
  const { t } = useTranslation();
  const sorted = [...guidance].sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'emergency' ? -1 : 1,
  );
  if (sorted.length === 0) return null;
  // One "tell my care team" (on the first guidance that asks for it): it attaches the check-in.
  const tellAt = sorted.findIndex((g) => g.level !== 'emergency');
  return (
    <Stack gap="md">
      {sorted.map((g, i) => {
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
            {checkIn !== undefined && i === tellAt && <TellAboutCheckIn checkIn={checkIn} />}
            {!emergency && <LearnMoreLink article="side-effects" light />}
          </Alert>
        );
      })}
    </Stack>
  );
}
