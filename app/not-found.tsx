import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <section className="mx-auto max-w-md space-y-4 py-10 text-center" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" className="font-serif text-3xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-muted">{t("body")}</p>
      <p>
        <Link href="/" className="text-accent underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
    </section>
  );
}
