import { useState } from 'react';
import { Box, Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { AlertView, CheckInView } from '../shared/api/types';
import { useUser } from '../shared/session';
import { NewThreadDialog } from './NewThreadDialog';
import { threadPath } from './paths';
import { useContextWords, type Attachment } from './useContextWords';
import type { ReportedSideEffect } from './logic';
import './messages.css';

/**
 * "Tell my care team": opens the composer with what the message is about attached (a
 * check-in, a side effect, a safety message); once sent, the conversation opens.
 */
export function TellCareTeam({
  attachment,
  label,
  ariaLabel,
  variant = 'light',
}: {
  attachment: Attachment;
  /** The button's text (default "Tell my care team"). */
  label?: string;
  /** A fuller accessible name (starting with the visible text) when several share a page. */
  ariaLabel?: string;
  variant?: ButtonProps['variant'];
}) {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size="md"
        w="fit-content"
        aria-label={ariaLabel}
        onClick={() => {
          setOpen(true);
        }}
      >
        {label ?? t('messages.tell.button')}
      </Button>
      {open && (
        <NewThreadDialog
          patientId={user.id}
          attachment={attachment}
          onClose={() => {
            setOpen(false);
          }}
          onStarted={(thread) => {
            setOpen(false);
            navigate(threadPath(user, user.id, thread.id));
          }}
        />
      )}
    </>
  );
}

/** On the check-in guidance ("contact your care team today"): the check-in attached. */
export function TellAboutCheckIn({ checkIn }: { checkIn: CheckInView }) {
  const words = useContextWords();
  return (
    <Box mt="sm">
      <TellCareTeam attachment={words.checkIn(checkIn)} variant="white" />
    </Box>
  );
}

/** On one of the patient's own safety messages (Today): the alert attached. */
export function TellAboutAlert({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const words = useContextWords();
  return (
    <TellCareTeam
      attachment={words.alert(alert)}
      ariaLabel={t('messages.tell.buttonAbout', { what: alert.title })}
    />
  );
}

/** On one reported side effect of a check-in. */
export function TellAboutSideEffect({
  checkIn,
  sideEffect,
}: {
  checkIn: CheckInView;
  sideEffect: ReportedSideEffect;
}) {
  const { t } = useTranslation();
  const words = useContextWords();
  return (
    <TellCareTeam
      attachment={words.sideEffect(checkIn, sideEffect)}
      label={t('messages.tell.buttonAbout', { what: words.sideEffectName(sideEffect) })}
    />
  );
}
