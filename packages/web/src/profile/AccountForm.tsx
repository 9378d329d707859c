import { useMemo, useState } from 'react';
import { Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useUser } from '../shared/session';
import { timeZoneOptions, useUpdateMe } from './useProfile';

export function AccountForm() {
  const { t } = useTranslation();
  const user = useUser();
  const updateMe = useUpdateMe();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [showErrors, setShowErrors] = useState(false);
  const zones = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="account-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (displayName.trim() === '') return;
          updateMe.mutate({ displayName: displayName.trim(), timeZone });
        }}
      >
        <Stack gap="md">
          <Title order={2} fz="1.35rem" id="account-heading">
            {t('profile.accountHeading')}
          </Title>
          <TextInput
            label={t('profile.displayName')}
            required
            value={displayName}
            error={showErrors && displayName.trim() === '' ? t('auth.required') : null}
            onChange={(e) => {
              setDisplayName(e.currentTarget.value);
            }}
          />
          <div>
            <Text fw={500}>{t('profile.email')}</Text>
            <Text>{user.email}</Text>
          </div>
          <Select
            label={t('profile.timeZone')}
            description={t('profile.timeZoneHint')}
            placeholder={t('profile.timeZoneSearch')}
            nothingFoundMessage={t('profile.timeZoneNone')}
            data={zones}
            value={timeZone}
            searchable
            allowDeselect={false}
            limit={50}
            onChange={(value) => {
              if (value !== null) setTimeZone(value);
            }}
          />
          {updateMe.isError && <ErrorAlert error={updateMe.error} />}
          <div role="status">
            {updateMe.isSuccess && (
              <Text c="green.9" fw={600}>
                {t('common.saved')}
              </Text>
            )}
          </div>
          <Button type="submit" w="fit-content" loading={updateMe.isPending}>
            {t('profile.saveAccount')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
