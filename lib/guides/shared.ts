// Small pieces both readings of a guide use.

import type { Line } from "./lines";
import type { GuideQuestion } from "./types";

// Hard-wrapped questions rarely run past a handful of lines; the cap stops a
// statement bullet from swallowing a whole following paragraph.
export const MAX_CONTINUATION_LINES = 8;

export function withSection(text: string, section: string | undefined): GuideQuestion {
  return section ? { text, section } : { text };
}

/**
 * The line after `index` that page furniture (a footer, a page number) does not
 * hide. Each run of furniture is crossed once, by the line before it.
 */
export function nextContentLine(lines: readonly Line[], index: number): Line | undefined {
  let next = index + 1;
  while (next < lines.length) {
    const line = lines[next];
    if (line === undefined || line.kind !== "metadata" || line.soft) return line;
    next++;
  }
  return undefined;
}
