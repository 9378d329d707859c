import { useState } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { useUser } from '../shared/session';
import { useGoals } from './api';
import { FunctionChart } from './FunctionChart';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';

const LIST = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** The patient's goals: set one, tap "I did it", see the weeks, and function over time. */
export function GoalsPage() {
  const { t } = useTranslation();
  const { id } = useUser();
  const goals = useGoals(id);
  const [announcement, setAnnouncement] = useState('');
  const list = goals.data?.goals ?? [];
  const current = list.filter((g) => g.status === 'active');
  const past = list.filter((g) => g.status !== 'active');
  return (
    <Page title={t('goals.title')}>
      <div role="status" className="sd-visually-hidden">
        {announcement}
      </div>
      <Text>{t('goals.intro')}</Text>
      {goals.isPending ? (
        <Loading />
      ) : goals.isError ? (
        <ErrorAlert error={goals.error} title={t('errors.loadFailed')} />
      ) : (
        <Card withBorder radius="md" p="md" component="section" aria-labelledby="goals-current">
          <Stack gap="md">
            <Title order={2} fz="1.25rem" id="goals-current">
              {t('goals.current')}
            </Title>
            {current.length === 0 ? (
              <Text>{t('goals.none')}</Text>
            ) : (
              <Stack gap="xl" component="ul" style={LIST}>
                {current.map((g) => (
                  <GoalCard
                    key={g.id}
                    goal={g}
                    patientId={id}
                    editable
                    onAnnounce={setAnnouncement}
                  />
                ))}
              </Stack>
            )}
            {past.length > 0 && (
              <details className="sd-details">
                <summary>{t('goals.past', { count: past.length })}</summary>
                <Stack gap="xl" component="ul" style={LIST}>
                  {past.map((g) => (
                    <GoalCard
                      key={g.id}
                      goal={g}
                      patientId={id}
                      editable
                      onAnnounce={setAnnouncement}
                    />
                  ))}
                </Stack>
              </details>
            )}
          </Stack>
        </Card>
      )}
      <Card withBorder radius="md" p="md">
        <GoalForm
          patientId={id}
          onCreated={(what) => {
            setAnnouncement(t('goals.created', { what }));
          }}
        />
      </Card>
      <Card withBorder radius="md" p="md">
        <FunctionChart patientId={id} />
      </Card>
    </Page>
  );
}
