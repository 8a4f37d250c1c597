import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { QuestionManager } from "@/components/book/question-manager";
import { ReachSelect } from "@/components/reading/reach-select";
import { requireUser } from "@/lib/auth";
import { loadBookPage } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { questionLimits } from "@/lib/validation/questions";
import { addQuestionAction, editQuestionAction, moveQuestionAction, removeQuestionAction, setRoomReachAction } from "./actions";

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
      {rooms.length > 0 ? (
        <section aria-labelledby="reach-heading" className="space-y-3">
          <h2 id="reach-heading" className="font-serif text-xl font-semibold">
            How far each question reaches
          </h2>
          <p className="text-sm text-muted">
            Members who haven&apos;t read that far see a warning, and the room opens behind a veil they can lift.
            {book.shape ? null : (
              <>
                {" "}
                <Link href={`${bookHref}/edit`} className="text-accent hover:underline">
                  Add the book&apos;s chapters
                </Link>{" "}
                to choose a chapter; until then only &ldquo;the ending&rdquo; can be picked.
              </>
            )}
          </p>
          <ol className="divide-y divide-line rounded-lg border border-line bg-white shadow-sm">
            {rooms.map((room) => (
              <li key={room.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-4">
                <span className="min-w-0 text-sm">
                  <span className="text-muted">{room.position}. </span>
                  {room.question}
                </span>
                <ReachSelect
                  id={`reach-${room.id}`}
                  label={`How far question ${room.position} reaches`}
                  shape={book.shape}
                  reach={room.reach}
                  action={setRoomReachAction.bind(null, club.id, room.id)}
                />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
