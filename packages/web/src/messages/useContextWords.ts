import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, CheckInView } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import type { ThreadContext } from './api';
import { clip, LIMITS, reportedSideEffects, type ReportedSideEffect } from './logic';

/** A context to attach, with the subject the composer suggests for it. */
export interface Attachment {
  readonly context: ThreadContext;
  readonly subject: string;
}

/**
 * Plain-words summaries of what a "tell my care team" message is about, in the patient's
 * language and zone. The summary is stored with the thread: it is what its readers see.
 */
export function useContextWords() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return useMemo(() => {
    const sideEffectName = (e: ReportedSideEffect) =>
      e.key === 'other' ? (e.text ?? '') : t(`checkin.sideEffect.${e.key}`);
    const severity = (e: ReportedSideEffect) => t(`checkin.severity.${e.severity}`);
    const summary = (text: string) => clip(text, LIMITS.summary);
    const subject = (text: string) => clip(text, LIMITS.subject);

    const checkIn = (c: CheckInView): Attachment => {
      const details = [
        ...reportedSideEffects(c).map((e) =>
          t('history.sideEffectItem', { name: sideEffectName(e), severity: severity(e) }),
        ),
        ...(c.fall === 'none'
          ? []
          : [t('messages.context.fall', { fall: t(`checkin.fallOption.${c.fall}`) })]),
        ...(c.breathingProblem ? [t('messages.context.breathing')] : []),
      ];
      const date = fmt.dateTime(c.at);
      return {
        context: {
          kind: 'check-in',
          refId: c.id,
          summary: summary(
            details.length === 0
              ? t('messages.context.checkInPlain', { date })
              : t('messages.context.checkIn', { date, details: details.join(', ') }),
          ),
        },
        subject: t('messages.context.subjectCheckIn'),
      };
    };

    const sideEffect = (c: CheckInView, e: ReportedSideEffect): Attachment => ({
      context: {
        kind: 'side-effect',
        refId: c.id,
        summary: summary(
          t('messages.context.sideEffect', {
            name: sideEffectName(e),
            severity: severity(e),
            date: fmt.dateTime(c.at),
          }),
        ),
      },
      subject: subject(t('messages.context.subjectSideEffect', { name: sideEffectName(e) })),
    });

    const alert = (a: AlertView): Attachment => ({
      context: {
        kind: 'alert',
        refId: a.id,
        summary: summary(
          t('messages.context.alert', { title: a.title, date: fmt.dateOf(a.firstSeen) }),
        ),
      },
      subject: subject(t('messages.context.subjectAlert', { title: a.title })),
    });

    return { sideEffectName, severity, checkIn, sideEffect, alert };
  }, [t, fmt]);
}
