import type { Metadata } from "next";
import { BookForm } from "@/components/book/book-form";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { requireUser } from "@/lib/auth";
import { loadClubBooks } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { bookLimits } from "@/lib/validation/books";
import { createBookAction } from "../actions";

type Props = { params: Promise<{ clubId: string }> };

export const metadata: Metadata = { title: "Add a book" };

export default async function NewBookPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/new`);
  const { club, role, current } = await loadOrNotFound(() => loadClubBooks({ clubId, userId: user.id }));
  const booksHref = `/clubs/${club.id}/books`;
  if (!can(role, "book:manage")) return <ModeratorsOnly what="add books" backHref={booksHref} backLabel="Back to the club's books" />;

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: "Books", href: booksHref }, { label: "Add a book" }]} />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Add a book</h1>
        <p className="text-muted">
          {current ? (
            <>
              The club is reading <cite className="not-italic text-ink">{current.title}</cite> now. Add the next one here; its discussion
              questions come after.
            </>
          ) : (
            "The book the club is reading. Once it's here, you can import a discussion guide for it."
          )}
        </p>
      </header>
      <BookForm
        action={createBookAction.bind(null, club.id)}
        submitLabel="Add book"
        pendingLabel="Adding…"
        cancelHref={booksHref}
        offerMakeCurrent={current !== null}
        descriptionMaxLength={bookLimits.description}
      />
    </div>
  );
}
