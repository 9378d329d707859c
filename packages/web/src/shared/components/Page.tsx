import { useEffect, type ReactNode } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PAGE_TITLE_ID = 'page-title';

/** A page: sets the document title and renders the one <h1> that focus moves to after navigation. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
  return (
    <Stack gap="lg">
      <Title order={1} id={PAGE_TITLE_ID} tabIndex={-1} fz={{ base: '1.75rem', sm: '2rem' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
