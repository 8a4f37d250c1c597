import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { changePasswordAction, deleteAccountAction, renameAction, saveLocaleAction, saveNotificationSettingsAction, signOutEverywhereAction } from "@/app/profile/actions";
import { OwnDataSection } from "@/components/export/own-data-section";
import { DeleteAccountSection } from "@/components/profile/delete-account-section";
import { DisplayNameForm } from "@/components/profile/display-name-form";
import { LanguageForm } from "@/components/profile/language-form";
import { NotificationSettingsForm } from "@/components/profile/notification-settings-form";
import { PasswordForm } from "@/components/profile/password-form";
import { SignOutEverywhere } from "@/components/profile/sign-out-everywhere";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { loadProfile } from "@/lib/accounts/profile";
import { loadNotificationSettings } from "@/lib/email/settings";
import { localeNames, locales, negotiateLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const profile = await loadOrNotFound(() => loadProfile({ userId: user.id }));
  const notificationSettings = await loadOrNotFound(() => loadNotificationSettings({ userId: user.id }));
  const browserLocale = negotiateLocale((await headers()).get("accept-language"));
  const t = await getTranslations("profile");
  const signedInAs = t.rich("signedInAs", { email: profile.email, address: (chunks) => <span className="text-ink">{chunks}</span> });

  return (
    <div className="mx-auto max-w-xl space-y-8">
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-semibold">{t("heading")}</h1>
        <p className="text-muted">{signedInAs}</p>
      </header>

      <section aria-labelledby="name-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="name-heading" className="font-serif text-xl font-semibold">
          {t("name.heading")}
        </h2>
        <DisplayNameForm currentName={profile.name} rename={renameAction} />
      </section>

      <section aria-labelledby="language-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="language-heading" className="font-serif text-xl font-semibold">
          {t("language.heading")}
        </h2>
        <LanguageForm
          chosen={user.locale ?? null}
          languages={locales.map((locale) => ({ locale, name: localeNames[locale] }))}
          browserLanguage={localeNames[browserLocale]}
          save={saveLocaleAction}
        />
      </section>

      <section
        id="notifications"
        aria-labelledby="notifications-heading"
        className="scroll-mt-6 space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="notifications-heading" className="font-serif text-xl font-semibold">
          {t("notifications.heading")}
        </h2>
        <NotificationSettingsForm settings={notificationSettings} save={saveNotificationSettingsAction} />
      </section>

      <section aria-labelledby="password-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="password-heading" className="font-serif text-xl font-semibold">
          {profile.hasPassword ? t("password.changeHeading") : t("password.setHeading")}
        </h2>
        <PasswordForm hasPassword={profile.hasPassword} changePassword={changePasswordAction} />
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="sessions-heading" className="font-serif text-xl font-semibold">
          {t("sessions.heading")}
        </h2>
        <SignOutEverywhere signOutEverywhere={signOutEverywhereAction} />
      </section>

      <OwnDataSection />

      <DeleteAccountSection userId={user.id} exportHref="#your-data" deleteAccount={deleteAccountAction} />
    </div>
  );
}
