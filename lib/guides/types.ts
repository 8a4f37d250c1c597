// The parser's output, shared by its modules and re-exported by parse.ts.

/** One discussion question; `section` is the heading it was found under, omitted when none. */
export type GuideQuestion = { text: string; section?: string };

export type ParsedGuide = { questions: GuideQuestion[] };
