import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth";
import { KIND_LABELS } from "@/lib/email/kind-labels";
import { viewUnsubscribe } from "@/lib/email/settings";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * Where an email's unsubscribe link opens, signed in or not. Showing it changes nothing
 * (mail scanners open links); the button posts to the one-click address, which does. A member
 * who is signed in is not told to sign in: the profile link says only where to choose.
 */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const [view, user] = await Promise.all([viewUnsubscribe({ token }), getCurrentUser()]);

  if (view.status === "invalid") {
    return (
      <section aria-labelledby="unsubscribe-heading" className="mx-auto max-w-md space-y-4 py-10">
        <h1 id="unsubscribe-heading" className="font-serif text-3xl font-semibold">
          This link isn&apos;t valid
        </h1>
        <p className="text-muted">
          This unsubscribe link may have been cut short or changed, so we can&apos;t tell whose email it is for. Nothing was changed.
        </p>
        <p>
          <Link href="/profile#notifications" className="text-accent underline underline-offset-2">
            {user ? "Choose what reaches your inbox on your profile" : "Sign in and choose what reaches your inbox"}
          </Link>
        </p>
      </section>
    );
  }

  const names = view.kinds.map((kind) => KIND_LABELS[kind].label);
  return (
    <section aria-labelledby="unsubscribe-heading" className="mx-auto max-w-md space-y-5 py-10">
      <h1 id="unsubscribe-heading" className="font-serif text-3xl font-semibold">
        {view.stopped ? "You're unsubscribed" : "Unsubscribe from these emails?"}
      </h1>
      <p className="text-muted">
        {view.stopped
          ? "These no longer reach your inbox. They still appear in the app, under Notifications:"
          : "You'll stop getting email about these. They'll still appear in the app, under Notifications:"}
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {view.stopped ? null : (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <Button type="submit">Unsubscribe</Button>
        </form>
      )}
      <p className="text-sm text-muted">
        To choose kind by kind, or to get a daily digest instead,{" "}
        <Link href="/profile#notifications" className="text-accent underline underline-offset-2">
          {user ? "open your profile" : "sign in and open your profile"}
        </Link>
        .
      </p>
    </section>
  );
}
