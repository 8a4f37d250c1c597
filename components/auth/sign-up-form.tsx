"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type Errors = { message?: string; fields?: Record<string, string> };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setErrors({});
    try {
      const response = await fetch("/api/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(values),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: Errors } | null;
        setErrors({ message: body?.error?.message ?? "We couldn't create your account. Please try again.", fields: body?.error?.fields });
        setPending(false);
        return;
      }
      const result = await signIn("credentials", { redirect: false, email: values.email, password: values.password });
      if (!result || result.error) {
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setErrors({ message: "We couldn't reach Chapterhouse. Check your connection and try again." });
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="name" name="name" label="Display name" autoComplete="name" required error={errors.fields?.name} hint="Shown to the other members of your clubs." />
        <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={errors.fields?.email} />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="new-password"
          required
          error={errors.fields?.password}
          hint="At least 8 characters."
        />
        {errors.message ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
            {errors.message}
          </p>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Creating your account…" : "Create account"}
        </Button>
      </form>
      <p className="text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </div>
  );
}
