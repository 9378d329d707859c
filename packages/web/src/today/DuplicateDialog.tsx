import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DoseEventView } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { AppDialog } from '../shared/components/AppDialog';

interface Props {
  existing: DoseEventView | null;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before logging a slot that already has an entry (another device, or a stale screen). */
export function DuplicateDialog({ existing, busy, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const time = existing === null ? '' : fmt.time(existing.takenAt);
  return (
    <AppDialog title={t('today.duplicate.title')} onClose={onClose}>
      <Stack>
        {error !== null && <ErrorAlert error={error} />}
        <Text size="lg" fw={600}>
          {t('today.duplicate.body', { time })}
        </Text>
        <Text>{t('today.duplicate.explain')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('today.duplicate.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={busy}>
            {t('today.duplicate.confirm')}
          </Button>
        </SimpleGrid>
      </Stack>
    </AppDialog>
  );
}

/** The existing event from a 409 STEADY_ERR_ALREADY_LOGGED error's details, when present. */
export function existingFromDetails(details: unknown): DoseEventView | null {
  if (typeof details !== 'object' || details === null || !('existing' in details)) return null;
  const existing = details.existing;
  if (typeof existing !== 'object' || existing === null) return null;
  return typeof (existing as { takenAt?: unknown }).takenAt === 'string'
    ? (existing as DoseEventView)
    : null;
}
