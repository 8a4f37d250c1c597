import type { ButtonHTMLAttributes, Ref } from "react";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label" | "title"> & {
  /**
   * The button's accessible name, also shown on hover. Required: its face is an icon, or a
   * word that needs its context to make sense ("Up" → "Move question 3 up").
   */
  label: string;
  /** "icon": a bare square for an icon; "chip": a small bordered button in a row of them. */
  look?: "icon" | "chip";
  tone?: "plain" | "danger";
  ref?: Ref<HTMLButtonElement>;
};

const looks = {
  icon: {
    plain:
      "flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-paper hover:text-ink focus-visible:outline-2 focus-visible:outline-accent aria-expanded:bg-paper aria-expanded:text-ink",
    danger:
      "flex h-8 w-8 items-center justify-center rounded-md text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-accent",
  },
  chip: {
    plain:
      "inline-flex items-center gap-1 rounded-md border border-line bg-white px-2.5 py-1 text-sm text-muted hover:bg-paper hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40",
    danger:
      "inline-flex items-center gap-1 rounded-md border border-line bg-white px-2.5 py-1 text-sm text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40",
  },
};

/** A button named by `label` rather than by what it shows. */
export function IconButton({ label, look = "icon", tone = "plain", className = "", ref, ...props }: Props) {
  return <button ref={ref} type="button" aria-label={label} title={label} {...props} className={`${looks[look][tone]} ${className}`.trim()} />;
}
