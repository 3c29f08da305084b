import type { ReactNode } from "react";
import { IntlProvider } from "react-intl";
import { de } from "./locales/de";
import { en, type Messages } from "./locales/en";
import { fr } from "./locales/fr";

const CATALOGUES: Record<string, Messages> = { en, fr, de };

/** The catalogue language for a Dashboard locale code ("fr", "de", "pt-BR" → en). */
export function languageOf(locale: string | undefined): keyof typeof CATALOGUES {
  const language = (locale ?? "en").toLowerCase().split("-")[0];
  return language in CATALOGUES ? language : "en";
}

/** The app's texts in the Dashboard's language (its `locale` param and `localeChanged`). */
export function Translated({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  const language = languageOf(locale);
  return (
    <IntlProvider locale={language} defaultLocale="en" messages={CATALOGUES[language]}>
      {children}
    </IntlProvider>
  );
}
