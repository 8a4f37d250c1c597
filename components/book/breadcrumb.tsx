import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment } from "react";

/** The trail back up from a book's sub-pages; the last crumb is the current page. */
export function Breadcrumb({ items }: { items: { label: string; href?: string; cite?: boolean }[] }) {
  const t = useTranslations("book");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, index) => {
          const label = item.cite ? <cite className="not-italic">{item.label}</cite> : item.label;
          return (
            <Fragment key={`${index}-${item.label}`}>
              {index > 0 ? (
                <li aria-hidden className="text-line">
                  /
                </li>
              ) : null}
              <li className="min-w-0">
                {item.href ? (
                  <Link href={item.href} className="hover:text-accent hover:underline">
                    {label}
                  </Link>
                ) : (
                  <span aria-current="page" className="text-ink">
                    {label}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
