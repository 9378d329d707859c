import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import type { TaperChangeAction, TaperRequestView } from './types';
import { useCloseTaperRequest } from './useTaper';

function RequestItem({
  patientId,
  request,
  canChange,
  onAnswer,
}: {
  patientId: string;
  request: TaperRequestView;
  canChange: boolean;
  onAnswer: (action: TaperChangeAction, requestId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const close = useCloseTaperRequest(patientId);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const open = request.closedAt === null;
  return (
    <li>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Text fw={700}>
            {t(`taper.requests.kind.${request.kind}`)} ·{' '}
            {t('taper.requests.by', {
              name: request.createdBy.displayName,
              at: fmt.dateTime(request.createdAt),
            })}
          </Text>
          <Text>{request.reason}</Text>
          {!open && (
            <Text size="sm">
              {request.closingVersion !== null
                ? t('taper.requests.closedByVersion', { version: request.closingVersion })
                : t('taper.requests.closedWithNote', { note: request.closingNote ?? '' })}
            </Text>
          )}
          {open && canChange && close.isError && <ErrorAlert error={close.error} />}
          {open && canChange && closing && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (note.trim() !== '') close.mutate({ requestId: request.id, note: note.trim() });
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={t('taper.requests.note')}
                  required
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => {
                    setNote(e.currentTarget.value);
                  }}
                />
                <Group>
                  <Button type="submit" loading={close.isPending} disabled={note.trim() === ''}>
                    {t('taper.requests.close')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => {
                      setClosing(false);
                    }}
                  >
                    {t('taper.planner.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {open && canChange && !closing && (
            <Group>
              <Button
                variant="light"
                onClick={() => {
                  onAnswer(request.kind === 'pause' ? 'hold' : 'slowDown', request.id);
                }}
              >
                {t('taper.requests.answer')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setClosing(true);
                }}
              >
                {t('taper.requests.closeWithNote')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </li>
  );
}

/** The patient's requests for a pause or a slower pace: open ones first. */
export function TaperRequests({
  patientId,
  requests,
  canChange,
  onAnswer,
}: {
  patientId: string;
  requests: readonly TaperRequestView[];
  canChange: boolean;
  onAnswer: (action: TaperChangeAction, requestId: string) => void;
}) {
  const { t } = useTranslation();
  if (requests.length === 0) return <Text>{t('taper.requests.none')}</Text>;
  return (
    <ul className="sd-row-list">
      {requests.map((r) => (
        <RequestItem
          key={r.id}
          patientId={patientId}
          request={r}
          canChange={canChange}
          onAnswer={onAnswer}
        />
      ))}
    </ul>
  );
}
