import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailNotice } from '../../mail/emailInvitation';
import type { Invitation } from '../api/types';
import { useFormatters } from '../format';
import { CopyField } from './CopyField';
import { Note } from './Note';

/** The absolute link to share, whether the server sent a path or a full URL. */
export function invitationLink(invitation: Invitation): string {
  return new URL(invitation.url, window.location.origin).href;
}

/**
 * A created invitation: whether it was emailed (when an address was given), then the code and
 * the link, each with Copy. Takes focus when shown, so a screen reader announces the outcome.
 */
export function InvitationShare({
  invitation,
  email = null,
  onAnother,
  headingOrder = 3,
}: {
  invitation: Invitation;
  /** What happened to the email, or null when no address was given. */
  email?: EmailNotice | null;
  onAnother?: () => void;
  /** 2 when the panel sits right under the page's h1. */
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const date = fmt.dateOf(invitation.expiresAt);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [invitation.code]);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{ borderColor: 'var(--mantine-color-green-8)', borderWidth: 2 }}
    >
      <Stack gap="md">
        <Title order={headingOrder} fz="1.2rem" ref={heading} tabIndex={-1}>
          {email?.kind === 'sent' ? t('mail.sentTitle') : t('invitation.readyTitle')}
        </Title>
        {email?.kind === 'sent' ? (
          <>
            <Text>{t('mail.sent', { email: email.to, date })}</Text>
            <Text>{t('mail.sentHint')}</Text>
          </>
        ) : (
          <>
            {email?.kind === 'not-sent' && (
              <Note tone="warning" title={t('mail.notSentTitle')}>
                {t(`mail.notSent.${email.reason}`, { email: email.to })}
              </Note>
            )}
            <Text>{t('invitation.shareHint', { date })}</Text>
          </>
        )}
        <CopyField
          label={t('invitation.code')}
          value={invitation.code}
          copyLabel={t('invitation.copyCode')}
          look="code"
        />
        <CopyField
          label={t('invitation.link')}
          value={invitationLink(invitation)}
          copyLabel={t('invitation.copyLink')}
        />
        {onAnother && (
          <Button variant="default" w="fit-content" onClick={onAnother}>
            {t('invitation.another')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
