import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth";
import { KIND_LABELS } from "@/lib/email/kind-labels";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { viewUnsubscribe } from "@/lib/email/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("unsubscribe.title"), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }> };

/**
 * Where an email's unsubscribe link opens, signed in or not. Showing it changes nothing
 * (mail scanners open links); the button posts to the one-click address, which does. A member
 * who is signed in is not told to sign in: the profile link says only where to choose.
 */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const [view, user] = await Promise.all([viewUnsubscribe({ token }), getCurrentUser()]);
  const t = await getTranslations("notifications.unsubscribe");
  const tk = await getTranslations("notifications.kinds");

  if (view.status === "invalid") {
    return (
      <section aria-labelledby="unsubscribe-heading" className="mx-auto max-w-md space-y-4 py-10">
        <h1 id="unsubscribe-heading" className="font-serif text-3xl font-semibold">
          {t("invalidHeading")}
        </h1>
        <p className="text-muted">{t("invalidBody")}</p>
        <p>
          <Link href="/profile#notifications" className="text-accent underline underline-offset-2">
            {user ? t("chooseOnProfile") : t("signInAndChoose")}
          </Link>
        </p>
      </section>
    );
  }

  // A kind this version does not know keeps its own name, as lib/email/kind-labels.ts kindLabel does.
  const more = t.rich("more", {
    where: user ? t("openProfile") : t("signInAndOpen"),
    link: (chunks) => (
      <Link href="/profile#notifications" className="text-accent underline underline-offset-2">
        {chunks}
      </Link>
    ),
  });
  const names = view.kinds.map((kind) => (kind in KIND_LABELS ? tk(`${kind as NotificationKind}.label`) : kind));
  return (
    <section aria-labelledby="unsubscribe-heading" className="mx-auto max-w-md space-y-5 py-10">
      <h1 id="unsubscribe-heading" className="font-serif text-3xl font-semibold">
        {view.stopped ? t("doneHeading") : t("askHeading")}
      </h1>
      <p className="text-muted">
        {view.stopped ? t("doneBody") : t("askBody")}
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {view.stopped ? null : (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <Button type="submit">{t("button")}</Button>
        </form>
      )}
      <p className="text-sm text-muted">
        {more}
      </p>
    </section>
  );
}
