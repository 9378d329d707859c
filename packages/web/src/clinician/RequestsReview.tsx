import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequestItem } from '../medications/RegimenRequests';
import {
  useAnswerRegimenRequest,
  useRegimenRequestsQuery,
} from '../medications/useRegimenRequests';
import type { RegimenRequest } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { SharedSection } from './SharedSection';

function AnswerForm({ patientId, request }: { patientId: string; request: RegimenRequest }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const answer = useAnswerRegimenRequest(patientId);
  const [response, setResponse] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (status: 'done' | 'declined') => {
    if (response.trim() === '') {
      setMissing(true);
      return;
    }
    answer.mutate({ requestId: request.id, status, response: response.trim() });
  };
  return (
    <Stack gap="xs" mt="xs">
      <Textarea
        label={t('requests.replyLabel', { date: fmt.dateTime(request.createdAt) })}
        autosize
        minRows={2}
        maxLength={2000}
        value={response}
        error={missing ? t('requests.replyRequired') : null}
        onChange={(e) => {
          setResponse(e.currentTarget.value);
          setMissing(false);
        }}
      />
      {answer.isError && <ErrorAlert error={answer.error} />}
      <Group gap="sm">
        <Button
          loading={answer.isPending && answer.variables.status === 'done'}
          disabled={answer.isPending}
          onClick={() => {
            submit('done');
          }}
        >
          {t('requests.markDone')}
        </Button>
        <Button
          variant="default"
          loading={answer.isPending && answer.variables.status === 'declined'}
          disabled={answer.isPending}
          onClick={() => {
            submit('declined');
          }}
        >
          {t('requests.decline')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The prescriber's view of the patient's requests to change the regimen. */
export function RequestsReview({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const requests = useRegimenRequestsQuery(patientId);
  return (
    <SharedSection
      id="patient-requests-heading"
      title={t('requests.prescriberHeading')}
      query={requests}
    >
      {(data) =>
        data.length === 0 ? (
          <Text>{t('requests.none')}</Text>
        ) : (
          <ul className="sd-timeline">
            {[...data]
              .sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
              .map((r) => (
                <li key={r.id}>
                  <RequestItem request={r} forPrescriber />
                  {r.status === 'open' && <AnswerForm patientId={patientId} request={r} />}
                </li>
              ))}
          </ul>
        )
      }
    </SharedSection>
  );
}
