import { useState } from 'react';
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../shared/components/DialogForm';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useUser } from '../shared/session';
import { NotesList } from './NotesList';
import { useAddNote, useNotesQuery, type ClinicianNote } from './useNotes';

const HEADING_ID = 'clinician-notes-heading';
const MAX = 10_000;

/**
 * Notes on a patient's chart in the clinician workspace: read them, add one, amend one's own.
 * Open notes: the patient reads them too. Caregivers have no notes (renders nothing).
 */
export function ClinicianNotesSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const isClinician = user.role === 'clinician';
  const notes = useNotesQuery(patientId, isClinician);
  const add = useAddNote(patientId);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [amending, setAmending] = useState<ClinicianNote | null>(null);
  const [amendment, setAmendment] = useState('');
  const [announcement, setAnnouncement] = useState('');
  if (!isClinician) return null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('checkups.notes.heading')}
        </Title>
        <Text size="sm">{t('checkups.notes.open')}</Text>
        <div role="status" className="sd-visually-hidden">
          {announcement}
        </div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim() === '') {
              setMissing(true);
              return;
            }
            setAnnouncement('');
            add.mutate(
              { body: body.trim(), amends: null },
              {
                onSuccess: () => {
                  setBody('');
                  setAnnouncement(t('checkups.notes.saved'));
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('checkups.notes.new')}
              autosize
              minRows={3}
              maxLength={MAX}
              value={body}
              error={missing ? t('checkups.notes.required') : null}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setMissing(false);
              }}
            />
            {add.isError && amending === null && <ErrorAlert error={add.error} />}
            <Button type="submit" w="fit-content" loading={add.isPending && amending === null}>
              {t('checkups.notes.add')}
            </Button>
          </Stack>
        </form>
        {notes.isPending ? (
          <Loading />
        ) : notes.isError ? (
          <ErrorAlert error={notes.error} title={t('errors.loadFailed')} />
        ) : notes.data.length === 0 ? (
          <Text>{t('checkups.notes.none')}</Text>
        ) : (
          <NotesList
            notes={notes.data}
            actions={(n) =>
              n.author.id === user.id && (
                <Button
                  variant="default"
                  w="fit-content"
                  onClick={() => {
                    add.reset();
                    setAmendment('');
                    setAmending(n);
                  }}
                >
                  {t('checkups.notes.amend')}
                </Button>
              )
            }
          />
        )}
      </Stack>
      {amending !== null && (
        <DialogForm
          title={t('checkups.notes.amendTitle')}
          onClose={() => {
            setAmending(null);
          }}
          error={add.isError ? add.error : null}
          busy={add.isPending}
          submitLabel={t('checkups.notes.amendSubmit')}
          onSubmit={() => {
            if (amendment.trim() === '') return;
            add.mutate(
              { body: amendment.trim(), amends: amending.id },
              {
                onSuccess: () => {
                  setAmending(null);
                  setAnnouncement(t('checkups.notes.saved'));
                },
              },
            );
          }}
        >
          <Text size="sm">{t('checkups.notes.amendHint')}</Text>
          <Textarea
            label={t('checkups.notes.amendment')}
            required
            autosize
            minRows={3}
            maxLength={MAX}
            value={amendment}
            data-autofocus
            onChange={(e) => {
              setAmendment(e.currentTarget.value);
            }}
          />
        </DialogForm>
      )}
    </Paper>
  );
}
