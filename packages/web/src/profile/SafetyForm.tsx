import { useState } from 'react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientProfile } from '@steady/core';
import type { ProfileInput } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useSaveProfile } from './useProfile';

const CONDITIONS = [
  'sleepApnea',
  'myastheniaGravis',
  'severeRespiratoryInsufficiency',
  'severeHepaticInsufficiency',
  'acuteNarrowAngleGlaucoma',
  'copd',
  'substanceUseDisorderHistory',
  'pregnancy',
] as const satisfies readonly (keyof PatientProfile)[];

type Answer = 'yes' | 'no' | 'unknown';
const ANSWERS: readonly Answer[] = ['yes', 'no', 'unknown'];

const toAnswer = (v: boolean | null): Answer => (v === null ? 'unknown' : v ? 'yes' : 'no');
const fromAnswer = (a: Answer): boolean | null => (a === 'unknown' ? null : a === 'yes');

export function SafetyForm({ initial }: { initial: PatientProfile }) {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const [profile, setProfile] = useState<ProfileInput>({ ...initial });
  const options = ANSWERS.map((a) => ({ value: a, label: t(`profile.answer.${a}`) }));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="safety-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(profile);
        }}
      >
        <Stack gap="lg">
          <div>
            <Title order={2} fz="1.35rem" id="safety-heading">
              {t('profile.safetyHeading')}
            </Title>
            <Text mt={4}>{t('profile.safetyIntro')}</Text>
          </div>
          <TextInput
            type="date"
            label={t('profile.dateOfBirth')}
            description={t('profile.dateOfBirthWhy')}
            value={profile.dateOfBirth ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setProfile((p) => ({ ...p, dateOfBirth: value === '' ? null : value }));
            }}
          />
          {CONDITIONS.map((key) => (
            <OptionGroup
              key={key}
              legend={t(`profile.condition.${key}.label`)}
              hint={t(`profile.condition.${key}.why`)}
              options={options}
              value={toAnswer(profile[key])}
              onChange={(a) => {
                setProfile((p) => ({ ...p, [key]: fromAnswer(a) }));
              }}
            />
          ))}
          {save.isError && <ErrorAlert error={save.error} />}
          <div role="status">
            {save.isSuccess && (
              <Text c="green.9" fw={600}>
                {t('common.saved')}
              </Text>
            )}
          </div>
          <Button type="submit" size="lg" loading={save.isPending}>
            {t('profile.saveSafety')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
