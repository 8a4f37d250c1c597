import { getTranslations } from "next-intl/server";
import { loadAccountDeletion } from "@/lib/accounts/delete-account";
import { loadOrNotFound } from "@/lib/doors/page";
import type { Outcome } from "@/lib/doors/outcome";
import type { DeleteAccountValues } from "@/lib/validation/account-deletion";
import { DeleteAccount } from "./delete-account";

type Props = {
  userId: string;
  /** The export section's address on the page (e.g. "#export"), once there is one: "Export your replies first" links there. */
  exportHref?: string;
  deleteAccount: (input: DeleteAccountValues) => Promise<Outcome<{ deletedClubs: number }>>;
};

/** The profile page's "Delete your account" section: reads which clubs stand in the way, then renders the form. */
export async function DeleteAccountSection({ userId, exportHref, deleteAccount }: Props) {
  const [t, view] = await Promise.all([getTranslations("profile.deleteAccount"), loadOrNotFound(() => loadAccountDeletion({ userId }))]);
  return (
    <section id="delete-account" aria-labelledby="delete-account-heading" className="scroll-mt-6 space-y-4 rounded-lg border border-danger/25 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="delete-account-heading" className="font-serif text-xl font-semibold">
        {t("heading")}
      </h2>
      <DeleteAccount view={view} exportHref={exportHref} deleteAccount={deleteAccount} />
    </section>
  );
}
