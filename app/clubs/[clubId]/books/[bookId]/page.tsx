import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BookCover } from "@/components/book/book-cover";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { RoomList } from "@/components/book/room-list";
import { SetCurrentBookButton } from "@/components/book/set-current-book-button";
import { ReadingPanel } from "@/components/reading/reading-panel";
import { requireUser } from "@/lib/auth";
import { loadBookPage } from "@/lib/books/books";
import { loadBookReading } from "@/lib/books/reading";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { setCurrentBookAction, setReadingProgressAction } from "./actions";

type Props = { params: Promise<{ clubId: string; bookId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.page");
  return { title: t("title") };
}

export default async function BookPage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}`);
  const [{ club, book, rooms, role, isCurrent }, reading] = await loadOrNotFound(() =>
    Promise.all([loadBookPage({ clubId, bookId, userId: user.id }), loadBookReading({ clubId, bookId, userId: user.id })]),
  );
  const t = await getTranslations("book");
  const managesBook = can(role, "book:manage");
  const managesQuestions = can(role, "room:manage");
  const bookHref = `/clubs/${club.id}/books/${book.id}`;

  return (
    <div className="space-y-8">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: t("list.title"), href: `/clubs/${club.id}/books` },
          { label: book.title, cite: true },
        ]}
      />

      <section aria-labelledby="book-title" className="space-y-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <div className="flex gap-5">
          <BookCover url={book.coverUrl} title={book.title} size="lg" placeholder />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">{isCurrent ? t("page.current") : t("page.past")}</p>
            <h1 id="book-title" className="mt-1 font-serif text-2xl font-semibold sm:text-3xl">
              <cite className="not-italic">{book.title}</cite>
            </h1>
            <p className="text-muted">{book.year !== null ? t("list.authorYear", { author: book.author, year: String(book.year) }) : book.author}</p>
            {book.description ? <p className="mt-3 hidden leading-relaxed sm:block">{book.description}</p> : null}
          </div>
        </div>
        {book.description ? <p className="leading-relaxed sm:hidden">{book.description}</p> : null}
        {book.summary ? (
          <details className="rounded-md border border-line bg-paper/60 px-4 py-3">
            <summary className="cursor-pointer font-medium text-ink">{t("page.summary")}</summary>
            <div className="mt-3 space-y-3 leading-relaxed">
              {book.summary.split(/\n\s*\n/).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          </details>
        ) : null}
        {managesBook || managesQuestions ? (
          <div className="flex flex-wrap items-start gap-2 border-t border-line pt-4">
            {managesBook ? (
              <Link href={`${bookHref}/edit`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
                {t("page.edit")}
              </Link>
            ) : null}
            {managesQuestions ? (
              <>
                <Link href={`${bookHref}/questions`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
                  {t("page.manageQuestions")}
                </Link>
                {rooms.length > 0 ? (
                  <Link href={`${bookHref}/import`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
                    {t("importGuide")}
                  </Link>
                ) : null}
              </>
            ) : null}
            {managesBook && !isCurrent ? <SetCurrentBookButton action={setCurrentBookAction.bind(null, club.id, book.id)} /> : null}
          </div>
        ) : null}
      </section>

      <ReadingPanel
        clubId={club.id}
        progress={reading.progress}
        others={reading.others}
        schedule={reading.schedule}
        action={setReadingProgressAction.bind(null, club.id, book.id)}
        shapeHref={managesBook ? `${bookHref}/edit` : null}
      />

      {rooms.length > 0 ? (
        <section aria-labelledby="rooms-heading" className="space-y-4">
          <h2 id="rooms-heading" className="font-serif text-2xl font-semibold">
            {t("page.questions")}
          </h2>
          {!isCurrent ? (
            <p className="text-sm text-muted">{t("page.movedOn")}</p>
          ) : null}
          <RoomList clubId={club.id} rooms={rooms} warnings={reading.warnings} shape={book.shape} />
        </section>
      ) : managesQuestions ? (
        <section aria-labelledby="rooms-heading" className="space-y-3 rounded-lg border border-dashed border-line bg-white/60 p-6">
          <h2 id="rooms-heading" className="font-serif text-xl font-semibold">
            {t("page.questions")}
          </h2>
          <p className="text-muted">{t("page.noQuestions")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`${bookHref}/import`} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
              {t("importGuide")}
            </Link>
            <Link href={`${bookHref}/questions#add-question`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
              {t("page.addQuestion")}
            </Link>
          </div>
        </section>
      ) : (
        <p className="text-muted">{t("page.noQuestionsMember")}</p>
      )}
    </div>
  );
}
