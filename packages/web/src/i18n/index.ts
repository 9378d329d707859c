import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enCare from './en-care.json';

export const defaultNS = 'translation';
/** One namespace, kept in two files: the patient's daily screens, and the care team. */
export const resources = { en: { translation: { ...en, ...enCare } } } as const;

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
