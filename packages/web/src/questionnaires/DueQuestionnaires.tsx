import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { getInstrument } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { questionnairePath } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useDueQuestionnaires } from './api';

/** Today: the questionnaires the care team asked for that are due now. Nothing when none are. */
export function DueQuestionnaires() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { id } = useUser();
  const due = useDueQuestionnaires(id);
  if (due.isError) return <ErrorAlert error={due.error} title={t('errors.loadFailed')} />;
  const items = (due.data?.due ?? []).flatMap((d) => {
    const instrument = getInstrument(d.instrumentId);
    return instrument === undefined ? [] : [{ ...d, instrument }];
  });
  if (items.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="due-questionnaires">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="due-questionnaires">
          {t('questionnaires.today.title')}
        </Title>
        <Text>{t('questionnaires.today.intro')}</Text>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((d) => (
            <li key={d.assignmentId}>
              <Group justify="space-between" gap="sm">
                <div>
                  <Text fw={700} size="lg">
                    {d.instrument.shortTitle}
                  </Text>
                  <Text size="sm">
                    {d.overdue
                      ? t('questionnaires.today.dueSince', {
                          date: fmt.localDateLong(d.dueSince),
                        })
                      : t('questionnaires.today.dueToday')}
                  </Text>
                  {d.note !== null && <Text size="sm">“{d.note}”</Text>}
                </div>
                <Button
                  component={Link}
                  href={questionnairePath(d.instrumentId)}
                  size="lg"
                  aria-label={t('questionnaires.today.answerAria', {
                    title: d.instrument.shortTitle,
                  })}
                >
                  {t('questionnaires.today.answer')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
