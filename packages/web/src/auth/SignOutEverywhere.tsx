import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useSignOutEverywhere } from './useAuth';

/** Profile and Account: end every session of the account (a lost phone, a shared computer). */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const signOut = useSignOutEverywhere();
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sessions-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.35rem" id="sessions-heading">
          {t('auth.everywhere.heading')}
        </Title>
        <Text>{t('auth.everywhere.intro')}</Text>
        {signOut.isError && <ErrorAlert error={signOut.error} />}
        {confirming ? (
          <>
            <Text fw={500}>{t('auth.everywhere.confirm')}</Text>
            <Group>
              <Button
                color="red"
                size="md"
                loading={signOut.isPending}
                onClick={() => {
                  signOut.mutate();
                }}
              >
                {t('auth.everywhere.yes')}
              </Button>
              <Button
                variant="default"
                size="md"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button
              variant="outline"
              size="md"
              onClick={() => {
                setConfirming(true);
              }}
            >
              {t('auth.everywhere.button')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
