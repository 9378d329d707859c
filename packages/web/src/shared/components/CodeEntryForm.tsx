import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { normaliseCode } from '../invitationCode';
import { joinPath } from '../layout/routes';

/** "Have an invitation code?": opens the join page for a typed code. */
export function CodeEntryForm({ intro }: { intro: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="code-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const normalised = normaliseCode(code);
          if (normalised === '') {
            setMissing(true);
            return;
          }
          navigate(joinPath(normalised));
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="1.35rem" id="code-heading">
            {t('invitation.codeHeading')}
          </Title>
          <Text>{intro}</Text>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('invitation.codeLabel')}
              placeholder={t('invitation.codeHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              error={missing ? t('auth.required') : null}
              style={{ flex: '1 1 12rem' }}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setMissing(false);
              }}
            />
            <Button type="submit" variant="outline">
              {t('invitation.codeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
