import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import {
  BundleRefused,
  issuePlace,
  useFhirImport,
  type BundleIssue,
  type ImportAnswer,
} from './api';

/** One problem of a refused file in plain words: which entry, which field, what is wrong. */
function IssueText({ issue }: { issue: BundleIssue }) {
  const { t } = useTranslation();
  const { entry, field } = issuePlace(issue.expression);
  const problem = issue.diagnostics;
  if (entry === null) return <>{t('fhir.issueGeneral', { problem })}</>;
  return (
    <>
      {field === ''
        ? t('fhir.issueAtEntryOnly', { entry, problem })
        : t('fhir.issueAtEntry', { entry, field, problem })}
    </>
  );
}

function Refused({ issues }: { issues: readonly BundleIssue[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('fhir.refusedTitle')} role="alert">
      <Text>{t('fhir.refusedIntro')}</Text>
      <List size="sm" mt="xs">
        {issues.map((issue, i) => (
          <List.Item key={`${String(i)}-${issue.expression ?? ''}`}>
            <IssueText issue={issue} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Preview({ answer }: { answer: ImportAnswer }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {answer.added.length === 0 ? (
        <Text>{t('fhir.nothingNew')}</Text>
      ) : (
        <>
          <Title order={3} fz="1.1rem">
            {t('fhir.willAdd', { count: answer.added.length })}
          </Title>
          <List>
            {answer.added.map((m) => (
              <List.Item key={m.index}>
                <Text fw={700} span>
                  {m.name}
                </Text>
                {(m.dose ?? m.frequency) !== null && (
                  <Text
                    span
                  >{` — ${[m.dose, m.frequency].filter((s) => s !== null).join(', ')}`}</Text>
                )}
                {m.flags.length > 0 && (
                  <Group gap={4} mt={4}>
                    {m.flags.map((f) => (
                      <Badge key={f.classId} color="orange.9" variant="light" tt="none">
                        {f.severity === null
                          ? t('fhir.flaggedNoSeverity', { name: f.name })
                          : t('fhir.flagged', { name: f.name, severity: f.severity })}
                      </Badge>
                    ))}
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {answer.skipped.length > 0 && (
        <>
          <Title order={3} fz="1.1rem">
            {t('fhir.leftOut')}
          </Title>
          <List size="sm">
            {answer.skipped.map((s) => (
              <List.Item key={s.index}>
                {`${s.name ?? t('fhir.unnamed', { entry: s.index + 1 })}: ${t(`fhir.reasons.${s.reason}`)}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/**
 * "Import from a FHIR file": choose a file, see what it adds (and what it leaves out, and why),
 * confirm. A file with problems lists each one; nothing is saved until the import is confirmed,
 * and then all of it or nothing.
 */
export function FhirImportSection({
  patientId,
  audience,
}: {
  patientId: string;
  audience: 'patient' | 'member';
}) {
  const { t } = useTranslation();
  const { preview, confirm } = useFhirImport(patientId);
  const [file, setFile] = useState<File | null>(null);
  const [bundle, setBundle] = useState<unknown>(null);
  const [notJson, setNotJson] = useState(false);
  const headingId = `fhir-import-heading-${patientId}`;

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setBundle(null);
    setNotJson(false);
    preview.reset();
    confirm.reset();
    if (chosen === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await chosen.text());
    } catch {
      setNotJson(true);
      return;
    }
    setBundle(parsed);
    preview.mutate(parsed);
  };
  const clear = () => {
    setFile(null);
    setBundle(null);
    preview.reset();
  };
  const count = preview.data?.added.length ?? 0;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={headingId}>
          {t('fhir.heading')}
        </Title>
        <Text>{audience === 'patient' ? t('fhir.introPatient') : t('fhir.introMember')}</Text>
        <FileInput
          label={t('fhir.fileLabel')}
          description={t('fhir.fileHint')}
          placeholder={t('fhir.filePlaceholder')}
          // Mantine's light grey placeholder is 2:1 on white; this one reads at 7:1.
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept=".json,application/json,application/fhir+json"
          value={file}
          clearable
          onChange={(chosen) => {
            void choose(chosen);
          }}
        />
        {notJson && (
          <Alert color="red" variant="light" role="alert">
            {t('fhir.notJson')}
          </Alert>
        )}
        {preview.isPending && (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('fhir.checking')}</Text>
          </Group>
        )}
        {preview.error instanceof BundleRefused && <Refused issues={preview.error.issues} />}
        {preview.isError && !(preview.error instanceof BundleRefused) && (
          <ErrorAlert error={preview.error} />
        )}
        {confirm.error instanceof BundleRefused && <Refused issues={confirm.error.issues} />}
        {confirm.isError && !(confirm.error instanceof BundleRefused) && (
          <ErrorAlert error={confirm.error} />
        )}
        {confirm.isSuccess ? (
          <Alert color="green" variant="light" role="status" title={t('fhir.addedTitle')}>
            {t('fhir.added', { count: confirm.data.added.length })}
          </Alert>
        ) : (
          preview.isSuccess && (
            <div aria-live="polite">
              <Preview answer={preview.data} />
              <Group>
                {count > 0 && (
                  <Button
                    loading={confirm.isPending}
                    onClick={() => {
                      confirm.mutate(bundle);
                    }}
                  >
                    {t('fhir.confirm', { count })}
                  </Button>
                )}
                <Button variant="default" onClick={clear}>
                  {t('fhir.cancel')}
                </Button>
              </Group>
            </div>
          )
        )}
      </Stack>
    </Paper>
  );
}
