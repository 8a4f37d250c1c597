import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-10 text-center" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" className="font-serif text-3xl font-semibold">
        Page not found
      </h1>
      <p className="text-muted">
        This page doesn&apos;t exist, or it belongs to a club you&apos;re not a member of. If someone invited you, open their invite link
        again.
      </p>
      <p>
        <Link href="/" className="text-accent underline underline-offset-2">
          Back to your clubs
        </Link>
      </p>
    </section>
  );
}
