import Link from "next/link";

/** What a member sees on a page meant for moderators: a calm explanation and a way back. */
export function ModeratorsOnly({ what, backHref, backLabel }: { what: string; backHref: string; backLabel: string }) {
  return (
    <div className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm">
      <h1 className="font-serif text-2xl font-semibold">For moderators</h1>
      <p className="text-muted">Only the club&apos;s owner and moderators can {what}. If something should change, ask one of them.</p>
      <Link href={backHref} className="inline-block text-accent hover:underline">
        {backLabel}
      </Link>
    </div>
  );
}
