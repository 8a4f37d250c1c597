import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.new");
  return { title: t("title") };
}

export default async function NewBookPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/new`);
  const { club, role, current } = await loadOrNotFound(() => loadClubBooks({ clubId, userId: user.id }));
  const booksHref = `/clubs/${club.id}/books`;
  const t = await getTranslations("book");
  if (!can(role, "book:manage")) return <ModeratorsOnly task="addBooks" backHref={booksHref} backLabel={t("backToBooks")} />;

  const intro = current
    ? t.rich("new.introNext", { title: current.title, cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite> })
    : t("new.intro");
  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: t("list.title"), href: booksHref }, { label: t("new.title") }]} />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("new.title")}</h1>
        <p className="text-muted">
          {intro}
        </p>
      </header>
      <BookForm
        action={createBookAction.bind(null, club.id)}
        submitLabel={t("new.submit")}
        pendingLabel={t("new.pending")}
        cancelHref={booksHref}
        offerMakeCurrent={current !== null}
        descriptionMaxLength={bookLimits.description}
      />
    </div>
  );
}
