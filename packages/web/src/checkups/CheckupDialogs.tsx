import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppDialog } from '../shared/components/AppDialog';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { AppointmentDialog, type ClinicianChoice } from './AppointmentDialog';
import type { Appointment } from './types';
import type { useBookAppointment, useChangeAppointment } from './useCheckups';

type BookOrMove = { type: 'book' } | { type: 'move'; appointment: Appointment };

/** Books a new check-up or moves `dialog.appointment`; `done(message)` runs on success. */
export function BookOrMoveDialog({
  dialog,
  bookTitle,
  zone,
  zoneNamed,
  clinicians,
  book,
  change,
  onClose,
  done,
}: {
  dialog: BookOrMove;
  bookTitle: string;
  zone: string;
  zoneNamed: boolean;
  clinicians: readonly ClinicianChoice[];
  book: ReturnType<typeof useBookAppointment>;
  change: ReturnType<typeof useChangeAppointment>;
  onClose: () => void;
  done: (message: string) => () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppointmentDialog
      title={dialog.type === 'book' ? bookTitle : t('checkups.moveTitle')}
      submitLabel={dialog.type === 'book' ? t('checkups.bookSubmit') : t('checkups.moveSubmit')}
      zone={zone}
      zoneNamed={zoneNamed}
      clinicians={clinicians}
      initial={dialog.type === 'move' ? dialog.appointment : null}
      busy={book.isPending || change.isPending}
      error={dialog.type === 'book' ? book.error : change.error}
      onClose={onClose}
      onSubmit={({ memberId, ...rest }) => {
        if (dialog.type === 'book') {
          book.mutate({ memberId, ...rest }, { onSuccess: done(t('checkups.booked')) });
        } else {
          change.mutate(
            { id: dialog.appointment.id, change: rest },
            { onSuccess: done(t('checkups.moved')) },
          );
        }
      }}
    />
  );
}

/** Asks before a check-up's status changes (cancelled, or done); "keep" closes. */
export function ConfirmStatusDialog({
  title,
  body,
  confirmLabel,
  danger,
  change,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  danger: boolean;
  change: ReturnType<typeof useChangeAppointment>;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppDialog title={title} onClose={onClose}>
      <Stack>
        <Text>{body}</Text>
        {change.isError && <ErrorAlert error={change.error} />}
        <Group>
          <Button
            size="lg"
            color={danger ? 'red' : undefined}
            loading={change.isPending}
            onClick={onConfirm}
          >
            {confirmLabel}
          </Button>
          <Button variant="default" size="lg" onClick={onClose}>
            {t('checkups.keep')}
          </Button>
        </Group>
      </Stack>
    </AppDialog>
  );
}
