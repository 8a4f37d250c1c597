import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.questions");
  return { title: t("title") };
}

export default async function ManageQuestionsPage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}/questions`);
  const { club, book, rooms, role } = await loadOrNotFound(() => loadBookPage({ clubId, bookId, userId: user.id }));
  const bookHref = `/clubs/${club.id}/books/${book.id}`;
  const t = await getTranslations("book");
  if (!can(role, "room:manage")) return <ModeratorsOnly task="changeQuestions" backHref={bookHref} backLabel={t("backToBook")} />;

  const intro = t.rich("questions.intro", { title: book.title, cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite> });
  const addChapters = t.rich("questions.reachNoShape", {
    edit: (chunks) => (
      <Link href={`${bookHref}/edit`} className="text-accent hover:underline">
        {chunks}
      </Link>
    ),
  });
  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: t("list.title"), href: `/clubs/${club.id}/books` },
          { label: book.title, href: bookHref, cite: true },
          { label: t("questions.crumb") },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("questions.title")}</h1>
        <p className="text-muted">{intro}</p>
        <p>
          <Link href={`${bookHref}/import`} className="text-sm text-accent hover:underline">
            {t("importGuide")}
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
            {t("questions.reachHeading")}
          </h2>
          <p className="text-sm text-muted">
            {t("questions.reachIntro")}
            {book.shape ? null : (
              <>
                {" "}
                {addChapters}
              </>
            )}
          </p>
          <ol className="divide-y divide-line rounded-lg border border-line bg-white shadow-sm">
            {rooms.map((room) => (
              <li key={room.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-4">
                <span className="min-w-0 text-sm">
                  <span className="text-muted">{t("questions.numbered", { number: room.position })} </span>
                  {room.question}
                </span>
                <ReachSelect
                  id={`reach-${room.id}`}
                  label={t("questions.reachLabel", { number: room.position })}
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
