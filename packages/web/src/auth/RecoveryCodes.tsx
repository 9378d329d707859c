import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once, until the person says they saved them. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('mfa.keys.codesTitle')}>
      <Stack gap="sm">
        <Text>{t('mfa.keys.codesIntro')}</Text>
        <List
          aria-label={t('mfa.keys.recoveryHeading')}
          ff="monospace"
          fz="lg"
          listStyleType="none"
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Button size="md" onClick={onDone}>
          {t('mfa.keys.codesSaved')}
        </Button>
      </Stack>
    </Alert>
  );
}
