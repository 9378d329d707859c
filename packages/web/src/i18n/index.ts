import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enCare from './en-care.json';
import enChart from './en-chart.json';
import enCheckups from './en-checkups.json';
import enGoals from './en-goals.json';
import enInsights from './en-insights.json';
import enLearn from './en-learn.json';
import enMail from './en-mail.json';
import enMessages from './en-messages.json';
import enPharmacy from './en-pharmacy.json';
import enQuestionnaires from './en-questionnaires.json';
import enTechniques from './en-techniques.json';
import enTaper from './en-taper.json';
import enTaperPatient from './en-taperpatient.json';
import enTaperDispense from './en-taperdispense.json';
import enReports from './en-reports.json';
import enFhir from './en-fhir.json';
import enPortability from './en-portability.json';
import enSupply from './en-supply.json';
import enOffline from './en-offline.json';
import enReminders from './en-reminders.json';
import enPush from './en-push.json';
import enMfa from './en-mfa.json';

export const defaultNS = 'translation';
/**
 * One namespace, kept in several files: the patient's daily screens, the care team, and one
 * file per care-team feature (each feature's keys live under its own top-level key).
 */
export const resources = {
  en: {
    translation: {
      ...en,
      ...enCare,
      ...enQuestionnaires,
      ...enMessages,
      ...enCheckups,
      ...enPharmacy,
      ...enChart,
      ...enMail,
      ...enTechniques,
      ...enGoals,
      ...enInsights,
      ...enLearn,
      ...enTaper,
      ...enTaperPatient,
      ...enTaperDispense,
      ...enReports,
      ...enFhir,
      ...enPortability,
      ...enSupply,
      ...enOffline,
      ...enReminders,
      ...enPush,
      ...enMfa,
    },
  },
} as const;

/** Keep <html lang> (and dir) in step with the active language, for screen readers and hyphenation. */
function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', syncDocumentLanguage);
  await i18n.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    defaultNS,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
  return i18n;
}

/** Locale for Intl formatting: the browser's regional variant when it matches the UI language (en-GB dates for a British user). */
export function formattingLocale(language: string): string {
  const preferred = navigator.languages.find((l) => l.split('-')[0] === language.split('-')[0]);
  return preferred ?? language;
}
