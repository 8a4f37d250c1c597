import type { Metadata } from "next";
import { createClubAction } from "@/app/clubs/new/actions";
import { CreateClubForm } from "@/components/club/create-club-form";
import { requireUser } from "@/lib/auth";
import { clubDescriptionMaxLength, clubNameMaxLength } from "@/lib/validation/clubs";

export const metadata: Metadata = { title: "Create a club" };

export default async function NewClubPage() {
  await requireUser("/clubs/new");
  return (
    <section className="mx-auto max-w-xl space-y-8" aria-labelledby="new-club-heading">
      <header className="space-y-2">
        <h1 id="new-club-heading" className="font-serif text-3xl font-semibold">
          Create a club
        </h1>
        <p className="leading-relaxed text-muted">
          You&apos;ll be the club&apos;s owner. Next, pick a book and invite people with a link: only the people you invite can see the
          club and its discussions.
        </p>
      </header>
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <CreateClubForm action={createClubAction} nameMaxLength={clubNameMaxLength} descriptionMaxLength={clubDescriptionMaxLength} />
      </div>
    </section>
  );
}
