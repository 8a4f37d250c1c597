import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import { BookCover } from "@/components/book/book-cover";
import { requireUser } from "@/lib/auth";
import { loadClubBooks } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.list");
  return { title: t("title") };
}

type Listed = { id: string; title: string; author: string; year: number | null; coverUrl: string | null; description: string; roomCount: number };

export default async function BooksPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books`);
  const { club, role, current, past } = await loadOrNotFound(() => loadClubBooks({ clubId, userId: user.id }));
  const t = await getTranslations("book.list");
  const manages = can(role, "book:manage");
  const noCurrent = t.rich(past.length > 0 ? "noCurrentWithPast" : "noCurrent", {
    add: (chunks) => (
      <Link href={`/clubs/${club.id}/books/new`} className="text-accent hover:underline">
        {chunks}
      </Link>
    ),
  });

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href={`/clubs/${club.id}`} className="hover:text-accent hover:underline">
            {club.name}
          </Link>
        </p>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{t("title")}</h1>
          {manages ? (
            <Link href={`/clubs/${club.id}/books/new`} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
              {t("add")}
            </Link>
          ) : null}
        </div>
      </header>

      <section aria-labelledby="current-heading" className="space-y-3">
        <h2 id="current-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          {t("current")}
        </h2>
        {current ? (
          <BookCard clubId={club.id} book={current} featured />
        ) : (
          <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-muted">
            {manages ? (
              noCurrent
            ) : (
              t("noCurrentMember")
            )}
          </p>
        )}
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
            {t("past")}
          </h2>
          <ul className="space-y-3">
            {past.map((book) => (
              <li key={book.id}>
                <BookCard clubId={club.id} book={book} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function BookCard({ clubId, book, featured = false }: { clubId: string; book: Listed; featured?: boolean }) {
  const t = useTranslations("book.list");
  return (
    <Link
      href={`/clubs/${clubId}/books/${book.id}`}
      className="flex gap-4 rounded-lg border border-line bg-white p-4 shadow-sm transition hover:border-accent/40 hover:shadow sm:gap-5 sm:p-5"
    >
      <BookCover url={book.coverUrl} title={book.title} size={featured ? "md" : "sm"} placeholder />
      <span className="min-w-0 flex-1">
        <span className="flex flex-wrap items-center gap-2">
          <cite className={`not-italic font-serif font-semibold text-ink ${featured ? "text-2xl" : "text-xl"}`}>{book.title}</cite>
          {featured ? (
            <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-strong">{t("currentBadge")}</span>
          ) : (
            <span className="rounded-full border border-line bg-paper px-2 py-0.5 text-xs font-medium text-muted">{t("pastBadge")}</span>
          )}
        </span>
        <span className="block text-muted">{book.year !== null ? t("authorYear", { author: book.author, year: String(book.year) }) : book.author}</span>
        {featured && book.description ? <span className="mt-2 line-clamp-3 block leading-relaxed text-ink">{book.description}</span> : null}
        <span className="mt-2 block text-sm text-muted">
          {t("questionCount", { count: book.roomCount })}
        </span>
      </span>
    </Link>
  );
}
