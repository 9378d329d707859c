import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useCheckupWords } from './CheckupItem';
import { nextCheckups } from './checkups';
import { useAppointmentsQuery } from './useCheckups';

/** Today: the patient's check-ups of the next two weeks, with a way to add questions. Nothing when there is none. */
export function NextCheckups() {
  const { t } = useTranslation();
  const { id, timeZone } = useUser();
  const upcoming = useAppointmentsQuery(id, 'upcoming');
  const words = useCheckupWords();
  if (upcoming.data === undefined) return null;
  const next = nextCheckups(
    upcoming.data.appointments,
    upcoming.data.timeZone || timeZone,
    new Date().toISOString(),
  );
  if (next.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="next-checkups-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="next-checkups-heading">
          {t('checkups.today.heading', { count: next.length })}
        </Title>
        <ul className="sd-timeline">
          {next.map((a) => (
            <li key={a.id}>
              <Text fw={600}>
                {t('checkups.today.line', { when: words.when(a), with: words.with(a) })}
              </Text>
              <Text>{words.where(a)}</Text>
            </li>
          ))}
        </ul>
        <Button component={Link} href={routes.checkups} variant="light" size="md" w="fit-content">
          {t('checkups.today.addQuestions')}
        </Button>
      </Stack>
    </Card>
  );
}
