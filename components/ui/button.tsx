import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "quiet";

const variants: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-strong disabled:opacity-60",
  secondary: "border border-line bg-white text-ink hover:bg-paper disabled:opacity-60",
  quiet: "text-accent hover:underline disabled:opacity-60",
};

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const padding = variant === "quiet" ? "px-1 py-0.5" : "px-4 py-2";
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center rounded-md text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${padding} ${variants[variant]} ${className}`}
    />
  );
}
