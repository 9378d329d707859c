import { useRef, useState } from 'react';
import { Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../shared/components/Page';
import { routes } from '../shared/layout/routes';
import { CheckInForm } from './CheckInForm';
import type { CheckInResult } from './useCheckIn';
import { GuidancePanel } from './GuidancePanel';
import { ReportedSideEffects } from '../messages/ReportedSideEffects';

export function CheckInPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<CheckInResult | null>(null);
  // A new form (and so a new idempotency key) for each check-in.
  const [formKey, setFormKey] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Page title={t('checkin.title')}>
      {result === null ? (
        <CheckInForm
          key={formKey}
          onSaved={(response) => {
            setResult(response);
            window.scrollTo({ top: 0 });
            window.setTimeout(() => resultHeading.current?.focus(), 0);
          }}
        />
      ) : (
        <Stack gap="lg">
          {/* Offline, the guidance still shows; telling the care team needs the connection. */}
          <GuidancePanel
            guidance={result.guidance}
            {...(result.queued ? {} : { checkIn: result.checkIn })}
          />
          <div>
            <Title order={2} ref={resultHeading} tabIndex={-1}>
              {result.queued ? t('offline.checkInQueuedTitle') : t('checkin.savedTitle')}
            </Title>
            <Text size="lg" mt="xs">
              {result.queued ? t('offline.checkInQueuedBody') : t('checkin.savedBody')}
            </Text>
          </div>
          <ReportedSideEffects checkIn={result.checkIn} />
          {/* Side by side from 576 px; stacked on phones so labels never break mid-word. */}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Button component={Link} href={routes.history} size="lg">
              {t('checkin.seeHistory')}
            </Button>
            <Button
              variant="default"
              size="lg"
              onClick={() => {
                setResult(null);
                setFormKey((k) => k + 1);
              }}
            >
              {t('checkin.another')}
            </Button>
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
