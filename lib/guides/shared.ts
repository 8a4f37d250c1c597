// Small pieces both readings of a guide use.

import type { GuideQuestion } from "./types";

// Hard-wrapped questions rarely run past a handful of lines; the cap stops a
// statement bullet from swallowing a whole following paragraph.
export const MAX_CONTINUATION_LINES = 8;

export function withSection(text: string, section: string | undefined): GuideQuestion {
  return section ? { text, section } : { text };
}
