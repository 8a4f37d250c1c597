type Props = { href: string; label: string; hint?: string };

/**
 * One export's download: a plain link, with a line on what the file is for. The route answers
 * with an attachment, so the page stays where it is. No `download` attribute: with it a browser
 * treats the answer as a file whatever it is and drops a refusal silently; without it a refusal
 * (too many exports, signed out) opens as a page that says so (lib/export/readable-errors.ts).
 */
export function DownloadLink({ href, label, hint }: Props) {
  return (
    <li className="flex flex-col gap-1 rounded-md border border-line bg-paper px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <a href={href} className="font-medium text-accent underline underline-offset-2 hover:text-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
          {label}
        </a>
        {hint ? <p className="text-sm leading-snug text-muted">{hint}</p> : null}
      </div>
    </li>
  );
}
