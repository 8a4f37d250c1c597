import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

declare module "next-intl" {
  // Module augmentation has to use an interface to merge with next-intl's own: keys passed to
  // useTranslations/getTranslations are checked against the English messages by the compiler.
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
