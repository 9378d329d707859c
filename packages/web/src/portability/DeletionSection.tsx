import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useCancelDeletion, useDeletion, useRequestDeletion, type PendingDeletion } from './api';
import { ExportButtons } from './ExportSection';

const HEADING_ID = 'deletion-heading';

/** A deletion is scheduled: its date, the final export, and the way back. */
function Pending({
  deletion,
  cancel,
}: {
  deletion: PendingDeletion;
  cancel: ReturnType<typeof useCancelDeletion>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title={t('portability.deletion.pendingTitle')}>
        {t('portability.deletion.pending', { date: format.dateTime(deletion.purgeAfter) })}
      </Alert>
      <Text fw={600}>{t('portability.deletion.finalExport')}</Text>
      <ExportButtons kinds={['account']} />
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <Button
        w="fit-content"
        mih={44}
        loading={cancel.isPending}
        onClick={() => {
          cancel.mutate();
        }}
      >
        {t('portability.deletion.cancel')}
      </Button>
    </Stack>
  );
}

/** Asking for the deletion: the password, and a clear way to stop. */
function RequestForm({
  graceDays,
  request,
  onBack,
}: {
  graceDays: number;
  request: ReturnType<typeof useRequestDeletion>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setShowErrors(true);
        if (password === '') return;
        // Once scheduled, the form closes: cancelling later starts from the button again.
        request.mutate(password, { onSuccess: onBack });
      }}
    >
      <Stack gap="md">
        <PasswordInput
          label={t('portability.deletion.password')}
          description={t('portability.deletion.passwordHint')}
          autoComplete="current-password"
          required
          value={password}
          error={showErrors && password === '' ? t('portability.deletion.required') : null}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
          }}
        />
        {request.isError && <ErrorAlert error={request.error} />}
        <Group gap="sm">
          <Button type="submit" color="red" mih={44} loading={request.isPending}>
            {t('portability.deletion.confirm', { days: graceDays })}
          </Button>
          <Button variant="default" mih={44} onClick={onBack}>
            {t('portability.deletion.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeletionSection() {
  const { t } = useTranslation();
  const state = useDeletion();
  // Held here, not in the parts they switch between, so their outcome can be announced.
  const request = useRequestDeletion();
  const cancel = useCancelDeletion();
  const [asking, setAsking] = useState(false);
  const pending = state.data?.deletion ?? null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID}>
          {t('portability.deletion.heading')}
        </Title>
        {state.isPending ? (
          <Loading />
        ) : state.isError ? (
          <ErrorAlert error={state.error} title={t('errors.loadFailed')} />
        ) : state.data.deletion !== null ? (
          <Pending deletion={state.data.deletion} cancel={cancel} />
        ) : (
          <>
            <Text>{t('portability.deletion.intro')}</Text>
            <Text>{t('portability.deletion.grace', { days: state.data.graceDays })}</Text>
            {asking ? (
              <RequestForm
                graceDays={state.data.graceDays}
                request={request}
                onBack={() => {
                  setAsking(false);
                }}
              />
            ) : (
              <Button
                variant="outline"
                color="red"
                w="fit-content"
                mih={44}
                onClick={() => {
                  setAsking(true);
                }}
              >
                {t('portability.deletion.start')}
              </Button>
            )}
          </>
        )}
        <div role="status">
          {pending !== null && request.isSuccess && (
            <Text fw={600}>{t('portability.deletion.scheduled')}</Text>
          )}
          {pending === null && cancel.isSuccess && (
            <Text fw={600}>{t('portability.deletion.cancelled')}</Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
