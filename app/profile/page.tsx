import type { Metadata } from "next";
import { changePasswordAction, renameAction, saveNotificationSettingsAction, signOutEverywhereAction } from "@/app/profile/actions";
import { DisplayNameForm } from "@/components/profile/display-name-form";
import { NotificationSettingsForm } from "@/components/profile/notification-settings-form";
import { PasswordForm } from "@/components/profile/password-form";
import { SignOutEverywhere } from "@/components/profile/sign-out-everywhere";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { loadProfile } from "@/lib/accounts/profile";
import { loadNotificationSettings } from "@/lib/email/settings";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const profile = await loadOrNotFound(() => loadProfile({ userId: user.id }));
  const notificationSettings = await loadOrNotFound(() => loadNotificationSettings({ userId: user.id }));

  return (
    <div className="mx-auto max-w-xl space-y-8">
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-semibold">Your profile</h1>
        <p className="text-muted">
          Signed in as <span className="text-ink">{profile.email}</span>
        </p>
      </header>

      <section aria-labelledby="name-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="name-heading" className="font-serif text-xl font-semibold">
          Name
        </h2>
        <DisplayNameForm currentName={profile.name} rename={renameAction} />
      </section>

      <section
        id="notifications"
        aria-labelledby="notifications-heading"
        className="scroll-mt-6 space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="notifications-heading" className="font-serif text-xl font-semibold">
          Notifications and email
        </h2>
        <NotificationSettingsForm settings={notificationSettings} save={saveNotificationSettingsAction} />
      </section>

      <section aria-labelledby="password-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="password-heading" className="font-serif text-xl font-semibold">
          {profile.hasPassword ? "Change password" : "Set a password"}
        </h2>
        <PasswordForm hasPassword={profile.hasPassword} changePassword={changePasswordAction} />
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 id="sessions-heading" className="font-serif text-xl font-semibold">
          Where you&apos;re signed in
        </h2>
        <SignOutEverywhere signOutEverywhere={signOutEverywhereAction} />
      </section>
    </div>
  );
}
