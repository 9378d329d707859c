import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emailToSend, isEmailFieldValid } from './emailInvitation';
import { useEmailInvitations } from './useServerConfig';

/** The optional invitation email of a form: its value, its check on submit, and the address. */
export function useInviteEmail(id: string) {
  const canEmail = useEmailInvitations();
  const [email, setEmail] = useState('');
  const [checkEmail, setCheckEmail] = useState(false);
  return {
    id,
    canEmail,
    email,
    setEmail,
    showError: checkEmail && !isEmailFieldValid(email),
    /** The address to send the invitation to; undefined when none (or the server cannot mail). */
    to: canEmail ? emailToSend(email) : undefined,
    /** On submit: false, with the error shown and the field focused, when it cannot be sent. */
    check(): boolean {
      if (canEmail && !isEmailFieldValid(email)) {
        setCheckEmail(true);
        document.getElementById(id)?.focus();
        return false;
      }
      return true;
    },
    reset() {
      setEmail('');
      setCheckEmail(false);
    },
  };
}

/** The optional email field, shown only when the server can send invitations. */
export function InviteEmailField({
  field,
  label,
  description,
}: {
  field: ReturnType<typeof useInviteEmail>;
  label: string;
  description: string;
}) {
  const { t } = useTranslation();
  if (!field.canEmail) return null;
  return (
    <TextInput
      id={field.id}
      label={
        <>
          {label} <span>{t('common.optional')}</span>
        </>
      }
      description={description}
      type="email"
      inputMode="email"
      autoComplete="off"
      maxLength={254}
      value={field.email}
      error={field.showError ? t('mail.emailInvalid') : null}
      onChange={(e) => {
        field.setEmail(e.currentTarget.value);
      }}
    />
  );
}
