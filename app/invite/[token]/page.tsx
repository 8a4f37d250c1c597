import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { joinClubAction } from "@/app/invite/[token]/actions";
import { JoinClubButton } from "@/components/invite/join-club-button";
import { getCurrentUser } from "@/lib/auth";
import { viewInvite } from "@/lib/clubs/invites";

type Props = { params: Promise<{ token: string }> };

// The page names the club, so it is never indexed; the title stays generic for the same reason.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite.landing");
  return { title: t("title"), robots: { index: false, follow: false } };
}

const primaryLink = "inline-flex items-center justify-center rounded-md bg-accent px-5 py-2.5 font-medium text-white hover:bg-accent-strong";
const secondaryLink = "inline-flex items-center justify-center rounded-md border border-line bg-white px-5 py-2.5 font-medium text-ink hover:bg-paper";

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const user = await getCurrentUser();
  const invite = await viewInvite({ token, userId: user?.id ?? null });
  const t = await getTranslations("invite");

  if (invite.status !== "active" && invite.status !== "member") {
    return (
      <section className="mx-auto max-w-md space-y-4 py-6 text-center" aria-labelledby="invite-heading">
        <h1 id="invite-heading" className="font-serif text-3xl font-semibold">
          {t(`problem.${invite.status}.title`)}
        </h1>
        <p className="leading-relaxed text-muted">{t(`problem.${invite.status}.body`)}</p>
        <p>
          <Link href="/" className="text-accent underline underline-offset-2">
            {t("landing.home")}
          </Link>
        </p>
      </section>
    );
  }

  const { club } = invite;
  const returnTo = encodeURIComponent(`/invite/${token}`);
  const bookLine = club.book
    ? t.rich("landing.book", {
        title: club.book.title,
        author: club.book.author,
        cite: (chunks) => <cite className="not-italic">{chunks}</cite>,
        by: (chunks) => <span className="text-muted">{chunks}</span>,
      })
    : null;
  const joinAs = user ? t.rich("landing.joinAs", { name: user.name, b: (chunks) => <span className="font-medium text-ink">{chunks}</span> }) : null;
  return (
    <section className="mx-auto max-w-xl space-y-6" aria-labelledby="invite-heading">
      <div className="space-y-5 rounded-lg border border-line bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2">
          <p className="text-xs font-medium uppercase tracking-wider text-muted">
            {invite.status === "member" ? t("landing.yourClub") : t("landing.invited")}
          </p>
          <h1 id="invite-heading" className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">
            {club.name}
          </h1>
          {club.description ? <p className="leading-relaxed text-muted">{club.description}</p> : null}
        </div>
        {club.book ? (
          <div className="rounded-md border border-line bg-paper px-4 py-3">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">{t("landing.nowReading")}</p>
            <p className="mt-0.5 font-serif text-lg">
              {bookLine}
            </p>
          </div>
        ) : null}

        {invite.status === "member" ? (
          <div className="space-y-4">
            <p className="text-ink">{t("landing.alreadyMember")}</p>
            <Link href={`/clubs/${club.id}`} className={primaryLink}>
              {t("landing.goToClub")}
            </Link>
          </div>
        ) : user ? (
          <div className="space-y-3">
            <p className="text-sm text-muted">
              {joinAs}
            </p>
            <JoinClubButton clubName={club.name} join={joinClubAction.bind(null, token)} />
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-sm leading-relaxed text-muted">
              {t("landing.pitch")}
            </p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Link href={`/sign-in?callbackUrl=${returnTo}`} className={primaryLink}>
                {t("landing.signIn")}
              </Link>
              <Link href={`/sign-up?callbackUrl=${returnTo}`} className={secondaryLink}>
                {t("landing.signUp")}
              </Link>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
