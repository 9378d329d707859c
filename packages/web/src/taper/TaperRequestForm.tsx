import { useState } from 'react';
import { Button, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useFormatters } from '../shared/format';
import type { TaperRequestKind, TaperRequestView } from './types';
import { useSendTaperRequest } from './useTaper';

const REASON_MAX = 2000;

/** The patient's requests with their answers, open ones first (as the server sends them). */
function RequestList({ requests }: { requests: readonly TaperRequestView[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (requests.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="1.1rem">
        {t('taperPatient.request.listHeading')}
      </Title>
      <List spacing="sm">
        {requests.map((r) => (
          <List.Item key={r.id}>
            <Text fw={600}>
              {t('taperPatient.request.asked', {
                kind: t(`taperPatient.request.${r.kind}`),
                date: fmt.dateOf(r.createdAt),
              })}
            </Text>
            <Text>{r.reason}</Text>
            <Text>
              {r.closedAt === null
                ? t('taperPatient.request.open')
                : r.closingVersion !== null
                  ? t('taperPatient.request.closedVersion', { date: fmt.dateOf(r.closedAt) })
                  : t('taperPatient.request.closedNote', {
                      date: fmt.dateOf(r.closedAt),
                      note: r.closingNote ?? '',
                    })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** "Ask for a pause or a slower pace", with a required reason; it reaches the prescriber. */
export function TaperRequestForm({
  patientId,
  requests,
}: {
  patientId: string;
  requests: readonly TaperRequestView[];
}) {
  const { t } = useTranslation();
  const send = useSendTaperRequest(patientId);
  const [kind, setKind] = useState<TaperRequestKind | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const kindError = tried && kind === null ? t('taperPatient.request.kindRequired') : null;
  const reasonError =
    tried && reason.trim() === '' ? t('taperPatient.request.reasonRequired') : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="taper-ask-heading">
      <Stack gap="md">
        <Title order={2} fz="1.25rem" id="taper-ask-heading">
          {t('taperPatient.page.askHeading')}
        </Title>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            setSent(false);
            if (kind === null || reason.trim() === '') return;
            send.mutate(
              { kind, reason: reason.trim() },
              {
                onSuccess: () => {
                  setSent(true);
                  setTried(false);
                  setKind(null);
                  setReason('');
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <OptionGroup<TaperRequestKind>
              legend={t('taperPatient.request.kindLegend')}
              options={[
                { value: 'pause', label: t('taperPatient.request.pause') },
                { value: 'slower', label: t('taperPatient.request.slower') },
              ]}
              value={kind}
              onChange={setKind}
              columns={2}
              error={kindError}
            />
            <Textarea
              label={t('taperPatient.request.reason')}
              description={t('taperPatient.request.reasonHint')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
              }}
              maxLength={REASON_MAX}
              autosize
              minRows={3}
              required
              error={reasonError}
              size="md"
            />
            <Text>{t('taperPatient.request.note')}</Text>
            {send.isError && <ErrorAlert error={send.error} />}
            <div role="status">{sent && <Note>{t('taperPatient.request.sent')}</Note>}</div>
            <Button type="submit" size="lg" loading={send.isPending}>
              {t('taperPatient.request.submit')}
            </Button>
          </Stack>
        </form>
        <RequestList requests={requests} />
      </Stack>
    </Paper>
  );
}
