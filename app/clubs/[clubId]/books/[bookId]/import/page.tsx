import type { Metadata } from "next";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { GuideImport } from "@/components/book/guide-import";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { requireUser } from "@/lib/auth";
import { loadBookPage } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { questionLimits } from "@/lib/validation/questions";
import { importGuideAction } from "./actions";

type Props = { params: Promise<{ clubId: string; bookId: string }> };

export const metadata: Metadata = { title: "Import a discussion guide" };

export default async function ImportGuidePage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}/import`);
  const { club, book, rooms, role } = await loadOrNotFound(() => loadBookPage({ clubId, bookId, userId: user.id }));
  const bookHref = `/clubs/${club.id}/books/${book.id}`;
  if (!can(role, "room:manage")) return <ModeratorsOnly what="import discussion guides" backHref={bookHref} backLabel="Back to the book" />;

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: "Books", href: `/clubs/${club.id}/books` },
          { label: book.title, href: bookHref, cite: true },
          { label: "Import a guide" },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Import a discussion guide</h1>
        <p className="text-muted">
          For <cite className="not-italic text-ink">{book.title}</cite>. Paste a guide from a publisher&apos;s page, a document or an
          email, and each of its questions becomes a room.
        </p>
      </header>
      <GuideImport
        action={importGuideAction.bind(null, club.id, book.id)}
        bookTitle={book.title}
        existingCount={rooms.length}
        maxQuestions={questionLimits.perImport}
        maxLength={questionLimits.text}
        shape={book.shape}
      />
    </div>
  );
}
