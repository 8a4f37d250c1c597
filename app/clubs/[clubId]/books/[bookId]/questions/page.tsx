import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { QuestionManager } from "@/components/book/question-manager";
import { requireUser } from "@/lib/auth";
import { loadBookPage } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { questionLimits } from "@/lib/validation/questions";
import { addQuestionAction, editQuestionAction, moveQuestionAction, removeQuestionAction } from "./actions";

type Props = { params: Promise<{ clubId: string; bookId: string }> };

export const metadata: Metadata = { title: "Manage questions" };

export default async function ManageQuestionsPage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}/questions`);
  const { club, book, rooms, role } = await loadOrNotFound(() => loadBookPage({ clubId, bookId, userId: user.id }));
  const bookHref = `/clubs/${club.id}/books/${book.id}`;
  if (!can(role, "room:manage")) return <ModeratorsOnly what="change discussion questions" backHref={bookHref} backLabel="Back to the book" />;

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: "Books", href: `/clubs/${club.id}/books` },
          { label: book.title, href: bookHref, cite: true },
          { label: "Questions" },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Manage questions</h1>
        <p className="text-muted">
          The questions for <cite className="not-italic text-ink">{book.title}</cite>, in the order members see them. A question that
          already has replies is archived rather than deleted, so no one&apos;s replies are lost.
        </p>
        <p>
          <Link href={`${bookHref}/import`} className="text-sm text-accent hover:underline">
            Import a discussion guide
          </Link>
        </p>
      </header>
      <QuestionManager
        questions={rooms.map(({ id, position, question, section, replyCount }) => ({ id, position, question, section, replyCount }))}
        actions={{
          add: addQuestionAction.bind(null, club.id, book.id),
          edit: editQuestionAction.bind(null, club.id),
          move: moveQuestionAction.bind(null, club.id),
          remove: removeQuestionAction.bind(null, club.id),
        }}
        maxLength={questionLimits.text}
      />
    </div>
  );
}
