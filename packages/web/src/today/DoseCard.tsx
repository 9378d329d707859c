import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormulationId } from '@steady/core';
import type { TodaySlot } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { useQuantityText } from '../shared/useQuantityText';

interface DoseCardProps {
  slot: TodaySlot;
  headingId: string;
  formulation: FormulationId;
  busy: boolean;
  onTaken: () => void;
  onTakenEarlier: () => void;
  onSkipped: () => void;
  /** Set while this dose is logged on this device only (offline): what to tell the patient. */
  pendingNote?: string | null;
  children?: React.ReactNode;
}

/** One scheduled dose of today: time, amount, status and the one-tap actions. */
export function DoseCard({
  slot,
  headingId,
  formulation,
  busy,
  onTaken,
  onTakenEarlier,
  onSkipped,
  pendingNote = null,
  children,
}: DoseCardProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const quantityText = useQuantityText();
  const [changing, setChanging] = useState(false);
  const time = fmt.localTime(slot.localTime);
  const pending = pendingNote !== null;
  const showActions = !pending && (slot.status === 'due' || changing);

  let statusText: string;
  switch (slot.status) {
    case 'due':
      statusText = t('today.status.due');
      break;
    case 'taken':
      statusText = t('today.status.taken', { time: fmt.time(slot.event?.takenAt ?? slot.dueAt) });
      break;
    case 'skipped':
      statusText = t('today.status.skipped');
      break;
  }
  if (pending) statusText = t('offline.waitingToSync');
  const badgeColor = pending
    ? 'orange.9'
    : slot.status === 'taken'
      ? 'teal.9'
      : slot.status === 'skipped'
        ? 'gray.8'
        : 'blue.9';

  return (
    <Card
      component="article"
      withBorder
      radius="md"
      p="md"
      className="sd-dose-card"
      data-status={pending ? 'pending' : slot.status}
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <div>
          <h2 id={headingId} tabIndex={-1} className="sd-dose-time" style={{ margin: 0 }}>
            {t('today.dueAt', { time })}
          </h2>
          <Text size="lg" fw={600} mt={4}>
            {t('common.mg', { amount: fmt.number(slot.amountMg) })}{' '}
            <Text span c="dimmed" fw={400}>
              {t('today.quantity', { quantity: quantityText(slot.amountMg, formulation) })}
            </Text>
          </Text>
          <Badge size="lg" color={badgeColor} variant="filled" tt="none" mt="xs">
            {statusText}
          </Badge>
        </div>
        {pending ? (
          <Text>{pendingNote}</Text>
        ) : showActions ? (
          <Stack gap="xs">
            <Button
              size="lg"
              fullWidth
              onClick={onTaken}
              loading={busy}
              aria-describedby={headingId}
            >
              {t('today.taken')}
            </Button>
            <Group grow gap="xs">
              <Button
                variant="default"
                onClick={onTakenEarlier}
                disabled={busy}
                aria-describedby={headingId}
              >
                {t('today.takenEarlier')}
              </Button>
              <Button
                variant="default"
                onClick={onSkipped}
                disabled={busy}
                aria-describedby={headingId}
              >
                {t('today.skipped')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() => {
              setChanging(true);
            }}
            aria-describedby={headingId}
          >
            {t('today.change')}
          </Button>
        )}
        {children}
      </Stack>
    </Card>
  );
}
