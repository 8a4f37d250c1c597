import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BookForm } from "@/components/book/book-form";
import { BookShapeForm } from "@/components/book/book-shape-form";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { requireUser } from "@/lib/auth";
import { loadBookPage } from "@/lib/books/books";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { shapeFormValues } from "@/lib/validation/book-shape";
import { bookLimits } from "@/lib/validation/books";
import { updateBookAction, updateBookShapeAction } from "../actions";

type Props = { params: Promise<{ clubId: string; bookId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("book.edit");
  return { title: t("title") };
}

export default async function EditBookPage({ params }: Props) {
  const { clubId, bookId } = await params;
  const user = await requireUser(`/clubs/${clubId}/books/${bookId}/edit`);
  const { club, book, role } = await loadOrNotFound(() => loadBookPage({ clubId, bookId, userId: user.id }));
  const bookHref = `/clubs/${club.id}/books/${book.id}`;
  const t = await getTranslations("book");
  if (!can(role, "book:manage")) return <ModeratorsOnly task="editBook" backHref={bookHref} backLabel={t("backToBook")} />;

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: t("list.title"), href: `/clubs/${club.id}/books` },
          { label: book.title, href: bookHref, cite: true },
          { label: t("edit.crumb") },
        ]}
      />
      <h1 className="font-serif text-3xl font-semibold">{t("edit.title")}</h1>
      <BookForm
        action={updateBookAction.bind(null, club.id, book.id)}
        initial={{
          title: book.title,
          author: book.author,
          year: book.year === null ? "" : String(book.year),
          coverUrl: book.coverUrl ?? "",
          description: book.description,
          summary: book.summary,
        }}
        submitLabel={t("edit.submit")}
        pendingLabel={t("edit.pending")}
        cancelHref={bookHref}
        descriptionMaxLength={bookLimits.description}
        summaryMaxLength={bookLimits.summary}
      />
      <BookShapeForm action={updateBookShapeAction.bind(null, club.id, book.id)} initial={shapeFormValues(book.shape, { one: (values) => t("shapeLine.one", values), many: (values) => t("shapeLine.many", values) })} cancelHref={bookHref} />
    </div>
  );
}
