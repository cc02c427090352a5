/**
 * Every word the web app shows comes from a translation file here: en.json and en/*.json today (one
 * file per area, merged in english.ts). To add Welsh, write
 * cy.json with the same keys (plurals as i18next's `_zero`, `_one`, `_two`, `_few`, `_many`, `_other`),
 * add it to `resources` and to LANGUAGES; the <html lang> attribute follows the chosen language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { english } from './english.js';

export const LANGUAGES = ['en'] as const;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: english } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  // React escapes what it renders; escaping here too would show "&amp;" on screen.
  interpolation: { escapeValue: false },
});

function setDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

export default i18n;
