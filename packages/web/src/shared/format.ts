import { createContext, use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf, type Instant, type LocalDate, type LocalTime } from '@steady/core';
import { formattingLocale } from '../i18n';
import { UserContext } from './session';

/**
 * Overrides the time zone the formatters below use, e.g. to show a patient's doses in the
 * patient's own zone in the clinician workspace. Default: the signed-in user's zone.
 */
export const DisplayTimeZoneContext = createContext<string | null>(null);

/** Formatters bound to a locale and the patient's time zone. Every time shown to the user goes through these. */
export interface Formatters {
  readonly locale: string;
  readonly timeZone: string;
  /** Clock time of an instant in the user's zone, e.g. "8:05 AM". */
  readonly time: (instant: Instant) => string;
  /** A local "HH:mm" wall time, e.g. "8:00 AM". */
  readonly localTime: (time: LocalTime) => string;
  /** Short date of an instant in the user's zone, e.g. "Tue, Mar 3". */
  readonly dayOf: (instant: Instant) => string;
  /** Full date of an instant, e.g. "Mar 3, 2026". */
  readonly dateOf: (instant: Instant) => string;
  /** A local "YYYY-MM-DD" date, long form, e.g. "Tuesday, March 3". */
  readonly localDateLong: (date: LocalDate) => string;
  /** A local "YYYY-MM-DD" date, short form, e.g. "Mar 3". */
  readonly localDateShort: (date: LocalDate) => string;
  /** A local "YYYY-MM-DD" date with year, e.g. "Mar 3, 2026". */
  readonly localDateFull: (date: LocalDate) => string;
  readonly number: (value: number) => string;
  /** Day and time of an instant, e.g. "Tue, Mar 3, 8:05 AM". */
  readonly dateTime: (instant: Instant) => string;
  /** Time of an instant, with the day in front when it is not today (in the user's zone). */
  readonly dateTimeIfNotToday: (instant: Instant) => string;
}

function localDateAsUtc(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function makeFormatters(locale: string, timeZone: string): Formatters {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const wall = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const full = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const short = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const fullUtc = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    locale,
    timeZone,
    time: (instant) => time.format(new Date(instant)),
    localTime: (t) => wall.format(new Date(`1970-01-01T${t}:00Z`)),
    dayOf: (instant) => day.format(new Date(instant)),
    dateOf: (instant) => full.format(new Date(instant)),
    localDateLong: (d) => long.format(localDateAsUtc(d)),
    localDateShort: (d) => short.format(localDateAsUtc(d)),
    localDateFull: (d) => fullUtc.format(localDateAsUtc(d)),
    number: (value) => num.format(value),
    dateTime: (instant) => dayTime.format(new Date(instant)),
    dateTimeIfNotToday: (instant) => {
      const today = localDateOf(new Date().toISOString(), timeZone);
      const at = time.format(new Date(instant));
      return localDateOf(instant, timeZone) === today
        ? at
        : `${day.format(new Date(instant))}, ${at}`;
    },
  };
}

/** Formatters in the display zone: the override, else the user's zone, else (signed out) the browser's. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const override = use(DisplayTimeZoneContext);
  const user = use(UserContext);
  const timeZone = override ?? user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const locale = formattingLocale(i18n.language);
  return useMemo(() => makeFormatters(locale, timeZone), [locale, timeZone]);
}
