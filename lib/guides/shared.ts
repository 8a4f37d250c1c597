// Small pieces both readings of a guide use.

import type { Line } from "./lines";
import type { Section } from "./skipped";
import type { GuideQuestion } from "./types";

// Hard-wrapped questions rarely run past a handful of lines; the cap stops a
// statement bullet from swallowing a whole following paragraph.
export const MAX_CONTINUATION_LINES = 8;

/** Adds a question, filed under `section` (which counts as used from then on). */
export function emit(out: GuideQuestion[], text: string, section: Section | undefined): void {
  if (section) section.used = true;
  out.push(section?.text ? { text, section: section.text } : { text });
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
