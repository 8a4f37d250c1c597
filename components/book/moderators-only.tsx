import Link from "next/link";
import { useTranslations } from "next-intl";

/** What only moderators may do on the page a member opened, as a key under book.moderatorsOnly. */
type ModeratorTask = "addBooks" | "editBook" | "importGuides" | "changeQuestions" | "scheduleMeetings" | "changeMeetings";

type Props = { task: ModeratorTask; backHref: string; backLabel: string };

/** What a member sees on a page meant for moderators: a calm explanation and a way back. */
export function ModeratorsOnly({ task, backHref, backLabel }: Props) {
  const t = useTranslations("book.moderatorsOnly");
  return (
    <div className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm">
      <h1 className="font-serif text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-muted">{t(task)}</p>
      <Link href={backHref} className="inline-block text-accent hover:underline">
        {backLabel}
      </Link>
    </div>
  );
}
