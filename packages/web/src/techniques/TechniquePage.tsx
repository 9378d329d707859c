import { Anchor, Paper, Button, List, Stack, Text, Title } from '@mantine/core';
import { getTechnique } from '@steady/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Page } from '../shared/components/Page';
import { routes } from '../shared/layout/routes';
import { SessionFlow } from './SessionFlow';

/** One technique: how to do it, a guided session where there is a script, or log it done. */
export function TechniquePage() {
  const { t } = useTranslation();
  const { techniqueId } = useParams<{ techniqueId: string }>();
  const technique = getTechnique(techniqueId);
  const [session, setSession] = useState<'guided' | 'self' | null>(null);
  if (technique === undefined) {
    return (
      <Page title={t('techniques.notFound')}>
        <Anchor component={Link} href={routes.techniques}>
          {t('techniques.backToLibrary')}
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title={technique.title}>
      <Anchor component={Link} href={routes.techniques}>
        {t('techniques.backToLibrary')}
      </Anchor>
      <Text fz="lg">{technique.summary}</Text>
      {session === null ? (
        <Stack gap="sm">
          {technique.script !== null && (
            <Button
              size="lg"
              onClick={() => {
                setSession('guided');
              }}
            >
              {t('techniques.startGuided')}
            </Button>
          )}
          <Button
            size="lg"
            variant={technique.script === null ? 'filled' : 'default'}
            onClick={() => {
              setSession('self');
            }}
          >
            {t('techniques.logSelf')}
          </Button>
        </Stack>
      ) : (
        <SessionFlow
          key={session}
          technique={technique}
          guided={session === 'guided'}
          onClose={() => {
            setSession(null);
          }}
        />
      )}
      <section aria-labelledby="technique-how">
        <Title order={2} id="technique-how" mb="xs">
          {t('techniques.howTo')}
        </Title>
        <List type="ordered" spacing="xs" size="lg">
          {technique.steps.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </section>
      {technique.safety !== null && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="lg" mb={4}>
            {t('techniques.safety')}
          </Title>
          <Text>{technique.safety}</Text>
        </Paper>
      )}
      {technique.sources.length > 0 && (
        <Text c="dimmed" size="sm">
          {t('techniques.sources', {
            sources: technique.sources
              .map((s) => [s.id, s.locator].filter(Boolean).join(' '))
              .join('; '),
          })}
        </Text>
      )}
      {!technique.reviewed && (
        <Text c="dimmed" size="sm">
          {technique.reviewNote}
        </Text>
      )}
    </Page>
  );
}
