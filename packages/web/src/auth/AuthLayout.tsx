import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Frame for the signed-out screens: brand header and one centred card. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="sd-header">
        <span className="sd-brand">{t('app.name')}</span>
      </header>
      <main className="sd-main" id="main">
        <Text mb="md" size="lg">
          {t('auth.tagline')}
        </Text>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={480}>
          {children}
        </Paper>
      </main>
    </>
  );
}
