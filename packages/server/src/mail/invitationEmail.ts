/**
 * The wording of an invitation email. Plain text, friendly, and free of health information:
 * who invites (name, and clinic for a clinician), the link, the code and the expiry date —
 * never a medicine, a diagnosis, the consent chosen or a clinician's note.
 */

export interface InvitationEmailInput {
  readonly kind: 'clinician-invites-patient' | 'patient-invites-member';
  /** For `patient-invites-member`: who is invited. */
  readonly memberKind: 'clinician' | 'caregiver' | null;
  readonly from: { readonly displayName: string; readonly clinicName: string | null };
  /** As people type it, e.g. `K7QM-2XPD-9R`. */
  readonly code: string;
  /** Absolute link to the join page. */
  readonly link: string;
  readonly expiresAt: string;
  /** The sender's IANA zone: the expiry date is the sender's calendar date. */
  readonly timeZone: string;
}

export interface InvitationEmail {
  readonly subject: string;
  readonly text: string;
}

/** `24 March 2026`: day and month in words, so no reader mistakes 03/04 for 4 March. */
export function expiryDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}

/**
 * Subject and text of the email for one invitation.
 *
 * @example
 * invitationEmail({ kind: 'clinician-invites-patient', memberKind: null,
 *   from: { displayName: 'Dr. Sam Rivera', clinicName: 'Riverside Pain Clinic' }, code: 'K7QM-2XPD-9R',
 *   link: 'https://steady.example.org/join/K7QM-2XPD-9R', expiresAt: '2026-03-24T12:00:00Z',
 *   timeZone: 'Europe/London' }).subject
 * // → 'Dr. Sam Rivera invites you to Steady'
 */
export function invitationEmail(input: InvitationEmailInput): InvitationEmail {
  const name = input.from.displayName;
  const until = expiryDate(input.expiresAt, input.timeZone);
  const ending = [
    `The invitation works once and is valid until ${until}.`,
    '',
    "If you weren't expecting this email, you can ignore it: nothing happens unless the link or the code is used.",
    '',
    'Steady',
  ];
  if (input.kind === 'clinician-invites-patient') {
    const who = input.from.clinicName === null ? name : `${name} (${input.from.clinicName})`;
    return {
      subject: `${name} invites you to Steady`,
      text: [
        'Hello,',
        '',
        `${who} invites you to connect with them on Steady, an app for keeping track of your treatment and sharing it with your care team.`,
        '',
        'To accept, open this link:',
        input.link,
        '',
        `Or open Steady, sign in and enter this invitation code: ${input.code}`,
        '',
        `When you accept, you choose what ${name} can see, and you can change it at any time.`,
        '',
        ...ending,
      ].join('\n'),
    };
  }
  const caregiver = input.memberKind === 'caregiver';
  return {
    subject: `${name} invites you to their care team on Steady`,
    text: [
      'Hello,',
      '',
      `${name} invites you to join their care team on Steady as a ${caregiver ? 'caregiver' : 'clinician'}.`,
      '',
      caregiver
        ? 'To accept, open this link. You can create an account there, or sign in if you have one:'
        : 'To accept, open this link and sign in with your clinician account:',
      input.link,
      '',
      `Or open Steady, sign in and enter this invitation code: ${input.code}`,
      '',
      `${name} chooses what you can see, and can change it at any time.`,
      '',
      ...ending,
    ].join('\n'),
  };
}
