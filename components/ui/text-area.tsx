import type { ReactNode, Ref, TextareaHTMLAttributes } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: ReactNode;
  /** "field": like every other input's label; "heading": the form's one question; "hidden": for screen readers only. */
  labelLook?: "field" | "heading" | "hidden";
  hint?: ReactNode;
  error?: string;
  /** The form's only input, whose error is the form's message: announce it as it appears. */
  announceError?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

const labelLooks = {
  field: "block text-sm font-medium text-ink",
  heading: "block font-serif text-lg font-semibold text-ink",
  hidden: "sr-only",
};

/**
 * A labelled text area with its hint and error tied to it for screen readers, as Field does
 * for inputs. `className` adds to the box (its height, say), it doesn't replace it.
 */
export function TextArea({ label, labelLook = "field", hint, error, announceError = false, id, className = "", ref, ...props }: Props) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelLooks[labelLook]}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
        className={`block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30 ${className}`.trim()}
      />
      {hint ? (
        <div id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role={announceError ? "alert" : undefined} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
