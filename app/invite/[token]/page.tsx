import type { Metadata } from "next";
import Link from "next/link";
import { joinClubAction } from "@/app/invite/[token]/actions";
import { JoinClubButton } from "@/components/invite/join-club-button";
import { getCurrentUser } from "@/lib/auth";
import { inviteProblemMessages, viewInvite } from "@/lib/clubs/invites";

type Props = { params: Promise<{ token: string }> };

// The page names the club, so it is never indexed; the title stays generic for the same reason.
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

const primaryLink = "inline-flex items-center justify-center rounded-md bg-accent px-5 py-2.5 font-medium text-white hover:bg-accent-strong";
const secondaryLink = "inline-flex items-center justify-center rounded-md border border-line bg-white px-5 py-2.5 font-medium text-ink hover:bg-paper";

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const user = await getCurrentUser();
  const invite = await viewInvite({ token, userId: user?.id ?? null });

  if (invite.status !== "active" && invite.status !== "member") {
    const message = inviteProblemMessages[invite.status];
    return (
      <section className="mx-auto max-w-md space-y-4 py-6 text-center" aria-labelledby="invite-heading">
        <h1 id="invite-heading" className="font-serif text-3xl font-semibold">
          {message.title}
        </h1>
        <p className="leading-relaxed text-muted">{message.body}</p>
        <p>
          <Link href="/" className="text-accent underline underline-offset-2">
            Go to Chapterhouse
          </Link>
        </p>
      </section>
    );
  }

  const { club } = invite;
  const returnTo = encodeURIComponent(`/invite/${token}`);
  return (
    <section className="mx-auto max-w-xl space-y-6" aria-labelledby="invite-heading">
      <div className="space-y-5 rounded-lg border border-line bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2">
          <p className="text-xs font-medium uppercase tracking-wider text-muted">
            {invite.status === "member" ? "Your club" : "You're invited to join"}
          </p>
          <h1 id="invite-heading" className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">
            {club.name}
          </h1>
          {club.description ? <p className="leading-relaxed text-muted">{club.description}</p> : null}
        </div>
        {club.book ? (
          <div className="rounded-md border border-line bg-paper px-4 py-3">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">Now reading</p>
            <p className="mt-0.5 font-serif text-lg">
              <cite className="not-italic">{club.book.title}</cite>
              <span className="text-muted"> by {club.book.author}</span>
            </p>
          </div>
        ) : null}

        {invite.status === "member" ? (
          <div className="space-y-4">
            <p className="text-ink">You&apos;re already a member of this club, so there&apos;s nothing more to do.</p>
            <Link href={`/clubs/${club.id}`} className={primaryLink}>
              Go to the club
            </Link>
          </div>
        ) : user ? (
          <div className="space-y-3">
            <p className="text-sm text-muted">
              You&apos;ll join as <span className="font-medium text-ink">{user.name}</span>. Members see the club&apos;s discussions
              and can reply to every question.
            </p>
            <JoinClubButton clubName={club.name} join={joinClubAction.bind(null, token)} />
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-sm leading-relaxed text-muted">
              Chapterhouse is a private place for book clubs to talk through a book, one question at a time. Sign in, or create
              a free account, and you&apos;ll come straight back here to join.
            </p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Link href={`/sign-in?callbackUrl=${returnTo}`} className={primaryLink}>
                Sign in to join
              </Link>
              <Link href={`/sign-up?callbackUrl=${returnTo}`} className={secondaryLink}>
                Create an account
              </Link>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
