import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "./button";

type Props = {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** Where "Cancel" (or `cancelLabel`) goes without saving. */
  cancelHref: string;
  cancelLabel?: string;
};

/** A page form's last line: the submit button, saying what it is doing while pending, and a way back. */
export function SubmitRow({ pending, submitLabel, pendingLabel, cancelHref, cancelLabel }: Props) {
  const t = useTranslations("common");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      <Link href={cancelHref} className="px-2 py-2 text-sm text-muted hover:text-ink">
        {cancelLabel ?? t("cancel")}
      </Link>
    </div>
  );
}
