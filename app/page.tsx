import Link from "next/link";
import { listUserClubs } from "@/db/queries/clubs";
import { RelativeTime } from "@/components/ui/relative-time";
import { getCurrentUser } from "@/lib/auth";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) return <Welcome />;
  const clubs = await listUserClubs({ userId: user.id });
  return (
    <section className="space-y-6" aria-labelledby="clubs-heading">
      <h1 id="clubs-heading" className="font-serif text-3xl font-semibold">
        Your clubs
      </h1>
      {clubs.length === 0 ? (
        <p className="text-muted">You aren&apos;t in a club yet. Ask a friend for an invite link, and it will bring you straight in.</p>
      ) : (
        <ul className="space-y-3">
          {clubs.map((club) => (
            <li key={club.id}>
              <Link
                href={`/clubs/${club.id}`}
                className="block rounded-lg border border-line bg-white p-5 shadow-sm transition hover:border-accent/40 hover:shadow"
              >
                <span className="block font-serif text-xl font-semibold text-ink">{club.name}</span>
                {club.bookTitle ? (
                  <span className="mt-1 block text-muted">
                    Reading <cite className="not-italic text-ink">{club.bookTitle}</cite> by {club.bookAuthor}
                  </span>
                ) : null}
                {club.lastActivityAt ? (
                  <span className="mt-2 block text-sm text-muted">
                    Last reply <RelativeTime iso={club.lastActivityAt.toISOString()} />
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Welcome() {
  return (
    <section className="space-y-6 py-6" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading" className="font-serif text-4xl font-semibold leading-tight sm:text-5xl">
        Talk about the book, <span className="text-accent">one question at a time.</span>
      </h1>
      <p className="max-w-xl text-lg leading-relaxed text-muted">
        Chapterhouse turns your club&apos;s discussion guide into quiet, threaded rooms. Answer when you have time; when the club
        meets, replies arrive for everyone as they are posted. Only members ever see a club.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded-md bg-accent px-5 py-2.5 font-medium text-white hover:bg-accent-strong">
          Create an account
        </Link>
        <Link href="/sign-in" className="rounded-md border border-line bg-white px-5 py-2.5 font-medium text-ink hover:bg-paper">
          Sign in
        </Link>
      </div>
    </section>
  );
}
