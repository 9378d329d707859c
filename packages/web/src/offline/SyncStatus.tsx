import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { useOfflineQueue } from './OfflineQueue';
import { describe, type QueuedRequest } from './queue';

/**
 * Today's list of what was logged on this device and not yet saved by Steady: entries waiting
 * to sync, and entries the server refused, each with its reason, until the patient dismisses it.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const queue = useOfflineQueue();
  if (queue === null || queue.items.length === 0) return null;
  const label = (item: QueuedRequest) => {
    const { what, at } = describe(item);
    return t(`offline.item.${what}`, { time: fmt.dateTimeIfNotToday(at) });
  };
  const waiting = queue.items.filter((i) => i.error === null);
  const refused = queue.items.filter((i) => i.error !== null);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="sync-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="sync-heading">
          {t('offline.syncHeading')}
        </Title>
        {waiting.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {waiting.map((item) => (
              <Group component="li" key={item.key} justify="space-between" gap="xs">
                <Text>{label(item)}</Text>
                <Badge color="orange.9" variant="filled" tt="none" size="lg">
                  {t('offline.waitingToSync')}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
        {refused.map((item) => (
          <Alert
            key={item.key}
            color="red"
            variant="light"
            role="alert"
            title={t('offline.failedTitle')}
          >
            <Stack gap="xs">
              <Text fw={600}>{label(item)}</Text>
              <Text>
                {item.error?.message === '' ? t('errors.unexpected') : item.error?.message}
              </Text>
              <Text>{t('offline.failedHelp')}</Text>
              <Button
                variant="default"
                w="fit-content"
                aria-label={t('offline.dismissLabel', { item: label(item) })}
                onClick={() => void queue.dismiss(item.key)}
              >
                {t('offline.dismiss')}
              </Button>
            </Stack>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
