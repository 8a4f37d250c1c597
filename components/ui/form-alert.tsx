import type { WireError } from "@/lib/doors/outcome";
import { summaryRepeatsFields } from "./form-errors";

const looks = {
  /** Under a whole form. */
  box: "rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger",
  /** Under one control or a small form. */
  line: "text-sm text-danger",
};

type Props = {
  error: WireError | null;
  /**
   * The inputs this form shows their own message beside. When the error only repeats theirs
   * (form-errors.ts says when), it is announced but not shown twice. Leave it out for a long
   * form whose summary by the submit button is what a person reads first.
   */
  shownFields?: readonly string[];
  look?: keyof typeof looks;
  id?: string;
};

/** A form's error summary: announced as it appears (role=alert), worded by the server. */
export function FormAlert({ error, shownFields = [], look = "box", id }: Props) {
  if (!error) return null;
  const repeated = summaryRepeatsFields(error, shownFields);
  return (
    <p id={id} role="alert" className={repeated ? "sr-only" : looks[look]}>
      {error.message}
    </p>
  );
}
