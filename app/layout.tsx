import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/app/actions";
import { countUnreadAction } from "@/app/notifications/actions";
import { AccountLinks } from "@/components/auth/account-links";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { SiteFooter } from "@/components/ui/site-footer";
import { getCurrentUser } from "@/lib/auth";
import { countMyUnreadNotifications } from "@/lib/notifications/doors";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("brand"), template: `%s · ${t("brand")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <header className="border-b border-line bg-paper/90">
            <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3 sm:gap-4 sm:px-6">
              <Link href="/" className="shrink-0 font-serif text-xl font-semibold tracking-tight text-ink">
                {t("brand")}
              </Link>
              <nav aria-label={t("accountNav")} className="flex min-w-0 items-center gap-3 whitespace-nowrap text-sm">
                {user ? (
                  <>
                    <NotificationsLink unread={await countMyUnreadNotifications({ userId: user.id })} countUnread={countUnreadAction} />
                    <Link href="/profile" className="min-w-0 truncate text-muted hover:text-ink" title={user.name}>
                      <span className="sr-only">{t("yourProfile")}</span>
                      <span className="font-medium text-ink">{user.name}</span>
                    </Link>
                    <SignOutButton />
                  </>
                ) : (
                  <AccountLinks />
                )}
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
            {children}
          </main>
          <SiteFooter current={locale} chooseLanguage={chooseLanguageAction} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
