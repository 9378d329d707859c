import { useEffect, useRef, useState } from 'react';
import { Button, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Discipline } from '../shared/api/types';
import { CopyField } from '../shared/components/CopyField';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useAddClinician } from './useClinic';

const DISCIPLINES: readonly Discipline[] = [
  'prescriber',
  'physical_therapist',
  'psychologist',
  'pharmacist',
];

/** Shown once after adding a clinician: the server keeps only the hash. */
function TemporaryPassword({
  name,
  password,
  onDone,
}: {
  name: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Paper
      p="md"
      radius="md"
      bg="yellow.0"
      withBorder
      style={{ borderColor: 'var(--mantine-color-orange-8)' }}
    >
      <Stack gap="sm">
        <Title order={3} fz="1.2rem" ref={heading} tabIndex={-1}>
          {t('clinic.passwordTitle', { name })}
        </Title>
        <Text>{t('clinic.passwordBody', { name })}</Text>
        <CopyField
          label={t('clinic.passwordLabel')}
          value={password}
          copyLabel={t('clinic.copyPassword')}
          look="mono"
        />
        <Button variant="default" w="fit-content" onClick={onDone}>
          {t('clinic.passwordDone')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function AddClinicianForm({ clinicId }: { clinicId: string }) {
  const { t } = useTranslation();
  const add = useAddClinician(clinicId);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [discipline, setDiscipline] = useState<Discipline>('prescriber');
  const [showErrors, setShowErrors] = useState(false);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const required = (v: string) => (showErrors && v.trim() === '' ? t('auth.required') : null);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="add-clinician-heading"
    >
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id="add-clinician-heading" tabIndex={-1}>
          {t('clinic.addHeading')}
        </Title>
        {created !== null ? (
          <TemporaryPassword
            name={created.name}
            password={created.password}
            onDone={() => {
              setCreated(null);
              document.getElementById('add-clinician-heading')?.focus();
            }}
          />
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setShowErrors(true);
              if (email.trim() === '' || name.trim() === '') return;
              const input = { email: email.trim(), displayName: name.trim(), discipline };
              add.mutate(input, {
                onSuccess: (data) => {
                  setCreated({
                    name: data.clinician.displayName,
                    password: data.temporaryPassword,
                  });
                  setEmail('');
                  setName('');
                  setShowErrors(false);
                },
              });
            }}
          >
            <Stack gap="md">
              <TextInput
                label={t('clinic.email')}
                type="email"
                inputMode="email"
                autoComplete="off"
                required
                value={email}
                error={required(email)}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                }}
              />
              <TextInput
                label={t('clinic.name')}
                description={t('clinic.nameHint')}
                autoComplete="off"
                required
                value={name}
                error={required(name)}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                }}
              />
              <NativeSelect
                label={t('clinic.discipline')}
                value={discipline}
                data={DISCIPLINES.map((d) => ({ value: d, label: t(`member.${d}`) }))}
                onChange={(e) => {
                  setDiscipline(e.currentTarget.value as Discipline);
                }}
              />
              {add.isError && <ErrorAlert error={add.error} />}
              <Button type="submit" w="fit-content" loading={add.isPending}>
                {t('clinic.add')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
