import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.import");
  return { title: t("title") };
}

export default async function ImportGuidePage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}/import`);
  const { club, book, rooms, role } = await loadOrNotFound(() => loadBookPage({ clubId, bookId, userId: user.id }));
  const bookHref = `/clubs/${club.id}/books/${book.id}`;
  const t = await getTranslations("book");
  if (!can(role, "room:manage")) return <ModeratorsOnly task="importGuides" backHref={bookHref} backLabel={t("backToBook")} />;

  const intro = t.rich("import.intro", { title: book.title, cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite> });
  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: t("list.title"), href: `/clubs/${club.id}/books` },
          { label: book.title, href: bookHref, cite: true },
          { label: t("import.crumb") },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("import.title")}</h1>
        <p className="text-muted">{intro}</p>
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
