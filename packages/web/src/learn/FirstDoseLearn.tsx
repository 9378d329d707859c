import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { addDays } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { TodayResponse } from '../shared/api/types';
import { useUser } from '../shared/session';
import { LearnMoreLink } from './LearnMoreLink';
import { loggedToday } from './moments';

/** The dose log's longest range (server `MAX_RANGE_DAYS`). */
const RANGE_DAYS = 400;

/**
 * Before the patient's first logged dose: links to how diazepam works and to the missed-dose
 * article. Gone once any dose is logged (today's view answers at once; the log confirms).
 */
export function FirstDoseLearn({ today }: { today: TodayResponse }) {
  const api = useApi();
  const { id } = useUser();
  const none = today.regimen !== null && !loggedToday(today);
  const log = useQuery({
    queryKey: ['learn', 'anyDose', id, today.date] as const,
    queryFn: () =>
      api.get<{ events: readonly unknown[] }>(
        apiPath`/api/patients/${id}/doses` +
          `?from=${addDays(today.date, -(RANGE_DAYS - 1))}&to=${today.date}`,
      ),
    enabled: none,
    staleTime: 10 * 60_000,
  });
  if (!none || log.data === undefined || log.data.events.length > 0) return null;
  return (
    <Stack gap={0}>
      <LearnMoreLink article="how-diazepam-works" />
      <LearnMoreLink article="missed-dose" />
    </Stack>
  );
}
