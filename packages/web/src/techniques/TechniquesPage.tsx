import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TECHNIQUES, TECHNIQUE_IDS } from '@steady/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../shared/components/Page';
import { techniquePath } from '../shared/layout/routes';
import { ElsewhereForm } from './ElsewhereForm';
import { RecentSessions } from './RecentSessions';
import './techniques.css';

/** The technique library, a quick log for therapies done elsewhere, and recent sessions. */
export function TechniquesPage() {
  const { t } = useTranslation();
  const [logging, setLogging] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('techniques.title')}>
      <Text>{t('techniques.intro')}</Text>
      <section aria-labelledby="techniques-library">
        <Title order={2} id="techniques-library" mb="sm">
          {t('techniques.library')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {TECHNIQUE_IDS.map((id) => {
            const technique = TECHNIQUES[id];
            return (
              <Paper
                key={id}
                withBorder
                p="md"
                radius="md"
                component={Link}
                href={techniquePath(id)}
                className="steady-technique-card"
              >
                <Stack gap={4}>
                  <Text fw={700} fz="lg">
                    {technique.title}
                  </Text>
                  <Text c="dimmed">{technique.summary}</Text>
                  {technique.script !== null && (
                    <Text size="sm" fw={600}>
                      {t('techniques.hasGuided')}
                    </Text>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      </section>
      <section aria-label={t('techniques.elsewhere.title')}>
        {saved && !logging && (
          <Alert color="teal" mb="sm" role="status">
            {t('techniques.elsewhere.saved')}
          </Alert>
        )}
        {logging ? (
          <ElsewhereForm
            onSaved={() => {
              setLogging(false);
              setSaved(true);
            }}
            onCancel={() => {
              setLogging(false);
            }}
          />
        ) : (
          <Button
            size="lg"
            variant="default"
            fullWidth
            onClick={() => {
              setSaved(false);
              setLogging(true);
            }}
          >
            {t('techniques.elsewhere.open')}
          </Button>
        )}
      </section>
      <RecentSessions />
    </Page>
  );
}
