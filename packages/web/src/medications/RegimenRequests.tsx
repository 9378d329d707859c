import { useState } from 'react';
import { Badge, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegimenRequest } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { useRegimenRequestsQuery, useSendRegimenRequest } from './useRegimenRequests';

const STATUS_COLOUR = { open: 'blue.9', done: 'var(--sd-ok)', declined: 'gray.8' } as const;

/** One request: date, message, status and the prescriber's reply. */
export function RequestItem({
  request,
  forPrescriber = false,
}: {
  request: RegimenRequest;
  forPrescriber?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap={4}>
      <Badge color={STATUS_COLOUR[request.status]} tt="none" size="lg" w="fit-content">
        {forPrescriber && request.status === 'open'
          ? t('requests.statusOpenForPrescriber')
          : t(`requests.status.${request.status}`)}
      </Badge>
      <Text>
        {t('requests.line', { date: fmt.dateTime(request.createdAt), message: request.message })}
      </Text>
      {request.response != null && request.response !== '' && (
        <Text size="sm" fs="italic">
          {request.resolvedBy
            ? t('requests.responseFrom', {
                name: request.resolvedBy.displayName,
                response: request.response,
              })
            : t('requests.response', { response: request.response })}
        </Text>
      )}
    </Stack>
  );
}

/** The patient's side: ask the prescriber for a change, and see earlier requests. */
export function PatientRegimenRequests() {
  const { t } = useTranslation();
  const { id } = useUser();
  const requests = useRegimenRequestsQuery(id);
  const send = useSendRegimenRequest(id);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);

  return (
    <Stack gap="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (message.trim() === '') {
            setMissing(true);
            return;
          }
          setSent(false);
          send.mutate(message.trim(), {
            onSuccess: () => {
              setMessage('');
              setSent(true);
            },
          });
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="1.1rem">
            {t('requests.formHeading')}
          </Title>
          <Textarea
            label={t('requests.message')}
            placeholder={t('requests.messageHint')}
            autosize
            minRows={3}
            maxLength={2000}
            value={message}
            error={missing ? t('requests.messageRequired') : null}
            onChange={(e) => {
              setMessage(e.currentTarget.value);
              setMissing(false);
            }}
          />
          {send.isError && <ErrorAlert error={send.error} />}
          <div role="status">
            {sent && (
              <Text c="var(--sd-ok)" fw={600}>
                {t('requests.sent')}
              </Text>
            )}
          </div>
          <Button type="submit" w="fit-content" loading={send.isPending}>
            {t('requests.submit')}
          </Button>
        </Stack>
      </form>
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <ErrorAlert error={requests.error} title={t('errors.loadFailed')} />
      ) : (
        requests.data.length > 0 && (
          <div>
            <Title order={3} fz="1.1rem" mb="xs">
              {t('requests.listHeading')}
            </Title>
            <ul className="sd-timeline">
              {requests.data.map((r) => (
                <li key={r.id}>
                  <RequestItem request={r} />
                </li>
              ))}
            </ul>
          </div>
        )
      )}
    </Stack>
  );
}
