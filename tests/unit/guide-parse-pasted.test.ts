import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_SKIPPED, parseGuide, type GuideQuestion } from "@/lib/guides/parse";

// Guides as word processors, PDF viewers and web pages put them on the
// clipboard. The strings below, and the fixtures, are what a paste into a
// textarea delivers (tabs, private-use glyphs and no-break spaces included).

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/guides/${name}`, import.meta.url)), "utf8");

const seedGuide = (): string =>
  readFileSync(fileURLToPath(new URL("../../db/seed-data/never-let-me-go-guide.txt", import.meta.url)), "utf8");

const texts = (guide: string): string[] => parseGuide(guide).questions.map((q) => q.text);

const under = (section: string, list: string[]): GuideQuestion[] => list.map((text) => ({ text, section }));

describe("parseGuide — bullets and numbering as pasted", () => {
  it("strips Word's private-use Symbol bullet (U+F0B7 and a tab) from the question", () => {
    const guide = "\uF0B7\tWhat does Hailsham teach its students?\n\uF0B7\tWhy does Kathy keep the tape?\n";
    expect(texts(guide)).toEqual([
      "What does Hailsham teach its students?",
      "Why does Kathy keep the tape?",
    ]);
  });

  it("treats any single private-use glyph followed by a space or tab as a bullet", () => {
    const glyphs = ["\uF0A7", "\uF076", "\uF0D8", "\uF0FC", "\uE000", "\uF8FF"];
    const guide = glyphs.map((glyph, i) => `${glyph}${i % 2 ? " " : "\t"}Question ${i + 1}, or not?`).join("\n");
    expect(texts(guide)).toEqual(glyphs.map((_, i) => `Question ${i + 1}, or not?`));
  });

  it("reads Word's bullets when the Symbol and Wingdings fonts are lost (·, o, §, Ø, ü, v and a tab)", () => {
    const guide = [
      "·\tWhat is a carer?",
      "Ø\tWhy does Kathy stay one for so long?",
      "ü\tWho does she care for?",
      "v\tWhat does completing mean?",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "What is a carer?",
      "Why does Kathy stay one for so long?",
      "Who does she care for?",
      "What does completing mean?",
    ]);
  });

  it("reads ▪, – and § bullets from web pages and PDFs", () => {
    const guide = "▪ Why Norfolk?\n– Why the lost corner?\n▪ Why does Tommy draw animals?";
    expect(texts(guide)).toEqual(["Why Norfolk?", "Why the lost corner?", "Why does Tommy draw animals?"]);
    expect(texts("§ Why Norfolk?\n§ Why the lost corner?")).toEqual(["Why Norfolk?", "Why the lost corner?"]);
  });

  it("reads full-width and circled numbers from East Asian word processors", () => {
    const guide = "１．キャシーはなぜテープを大切にするのですか？\n２．ルースは変わりましたか？\n（３）トミーは？\n④ Who is Madame?";
    expect(texts(guide)).toEqual([
      "キャシーはなぜテープを大切にするのですか？",
      "ルースは変わりましたか？",
      "トミーは？",
      "Who is Madame?",
    ]);
  });

  it("reads a lettered list, telling the letter i from the numeral i by its neighbours", () => {
    const letters = "abcdefghij".split("");
    const guide = letters.map((letter) => `${letter}. Question ${letter}?`).join("\n");
    expect(texts(guide)).toEqual(letters.map((letter) => `Question ${letter}?`));
  });

  it("does not take the Spanish word “o” opening a wrapped line for a bullet", () => {
    const guide = "1. ¿Es la soledad una herencia\no una elección para los Buendía?\n2. ¿Qué opinas del final?";
    expect(texts(guide)).toEqual([
      "¿Es la soledad una herencia o una elección para los Buendía?",
      "¿Qué opinas del final?",
    ]);
    expect(texts("¿Es la soledad una herencia\no una elección?")).toEqual(["¿Es la soledad una herencia o una elección?"]);
  });

  it("leaves “i.e.”, “e.g.” and “3.5 stars” at a line start alone", () => {
    const guide = [
      "1. Why does Ruth lie about the pencil case,",
      "i.e. what does she gain?",
      "2. Is the ending earned, or, e.g.",
      "e.g. is it just sad?",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "Why does Ruth lie about the pencil case, i.e. what does she gain?",
      "Is the ending earned, or, e.g. e.g. is it just sad?",
    ]);
  });
});

describe("parseGuide — sub-items", () => {
  it("keeps Word's o-bullets under a numbered question with it, as one room", () => {
    const guide = [
      "1.\tWhat does Miss Lucy tell the students in the pavilion?",
      "o\tWhy does she tell them then?",
      "o\tWhat happens to her afterwards?",
      "2.\tHow does Ruth change at the Cottages?",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "What does Miss Lucy tell the students in the pavilion? (a) Why does she tell them then? (b) What happens to her afterwards?",
      "How does Ruth change at the Cottages?",
    ]);
  });

  it("keeps answer options under a question with it, with their own labels", () => {
    const guide = [
      "1. Which character changes the most?",
      "   a) Kathy",
      "   b) Ruth",
      "   c) Tommy",
      "2. Which setting stays with you?",
      "   i. Hailsham",
      "   ii. The Cottages",
      "   iii. Norfolk",
      "   iv. Littlehampton",
      "   v. Kingsfield",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "Which character changes the most? (a) Kathy (b) Ruth (c) Tommy",
      "Which setting stays with you? (i) Hailsham (ii) The Cottages (iii) Norfolk (iv) Littlehampton (v) Kingsfield",
    ]);
  });

  it("nests three levels as Word pastes them (·, o, §), sub-sub-items in roman numerals", () => {
    const guide = [
      "·         What is a carer?",
      "o   Why does Kathy stay one for so long?",
      "§  Is she proud of it?",
      "§  Is she hiding?",
      "o   Who does she care for?",
      "·         Why does Tommy rage on the football field?",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "What is a carer? (a) Why does Kathy stay one for so long? (i) Is she proud of it? (ii) Is she hiding? (b) Who does she care for?",
      "Why does Tommy rage on the football field?",
    ]);
  });

  it("nests a different marker indented under a question", () => {
    const guide = "1. How does the novel end?\n   - Is the ending hopeful?\n   - Would you have chosen it?\n2. Who is Madame?";
    expect(texts(guide)).toEqual([
      "How does the novel end? (a) Is the ending hopeful? (b) Would you have chosen it?",
      "Who is Madame?",
    ]);
  });

  it("after a blank line, nests a lower-level marker but not a list that is merely indented", () => {
    const lettered = "1. How does the novel end?\n\n   a. Is the ending hopeful?\n   b. Would you have chosen it?";
    expect(texts(lettered)).toEqual(["How does the novel end? (a) Is the ending hopeful? (b) Would you have chosen it?"]);
    const nextList = "1. How does the novel end?\n\n   • Discuss the ending.\n   • The ending is ambiguous.";
    expect(texts(nextList)).toEqual(["How does the novel end?", "Discuss the ending."]);
  });

  it("makes questions under a title-like item their own rooms, the item as their section", () => {
    const guide = [
      "1. Part One: Hailsham",
      "   a. What does Hailsham teach its students?",
      "   b. Why is Tommy angry?",
      "2. Part Two: The Cottages",
      "   a. What are the Cottages like?",
    ].join("\n");
    expect(parseGuide(guide).questions).toEqual([
      { text: "What does Hailsham teach its students?", section: "Part One: Hailsham" },
      { text: "Why is Tommy angry?", section: "Part One: Hailsham" },
      { text: "What are the Cottages like?", section: "Part Two: The Cottages" },
    ]);
  });

  it("makes questions under a statement their own rooms, the statement kept as context", () => {
    const guide = [
      "• Kathy tells the story years later, as a carer.",
      "o\tWhat does she leave out?",
      "o\tDo you trust her memory?",
      "• The novel never explains the donations.",
      "o\tA bare note, not a question.",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "Kathy tells the story years later, as a carer. What does she leave out?",
      "Kathy tells the story years later, as a carer. Do you trust her memory?",
    ]);
  });

  it("leaves ads out of a question's sub-items", () => {
    const guide = "1. Why do they go to Norfolk?\n   - Is it hope?\n   - Join for free!\n   - Is it Ruth's idea?";
    expect(texts(guide)).toEqual(["Why do they go to Norfolk? (a) Is it hope? (b) Is it Ruth's idea?"]);
  });
});

describe("parseGuide — prompts that are not phrased as questions", () => {
  it("takes numbered and bulleted instructions to the group as questions", () => {
    const prompts = [
      "Discuss the role of art at Hailsham.",
      "Consider Ruth's apology in the car on the way to the boat.",
      "Talk about a time you kept something the way Kathy keeps the tape.",
      "Describe the Cottages as Kathy first sees them.",
      "Compare Kathy and Ruth as carers.",
      "Explain what Madame's gallery was really for.",
      "Reflect on the title",
      "Share a passage that stayed with you.",
    ];
    const guide = ["Never Let Me Go: prompts", "", ...prompts.map((prompt, i) => `${i + 1}. ${prompt}`)].join("\n");
    expect(parseGuide(guide).questions).toEqual(prompts.map((text) => ({ text, section: "Never Let Me Go: prompts" })));
  });

  it("takes Spanish instructions (Comenta, Discute, Describe, Reflexiona) as questions", () => {
    const guide = [
      "Actividades para el club de lectura",
      "• Comenta el papel de Clara en la familia Trueba.",
      "• Discute si Esteban Trueba cambia al final de la novela.",
      "• Describe la casa de la esquina tal como la ve Alba.",
      "• Reflexiona sobre la memoria y la escritura en los cuadernos de Clara.",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "Comenta el papel de Clara en la familia Trueba.",
      "Discute si Esteban Trueba cambia al final de la novela.",
      "Describe la casa de la esquina tal como la ve Alba.",
      "Reflexiona sobre la memoria y la escritura en los cuadernos de Clara.",
    ]);
  });

  it("keeps mixing prompts and questions in the guide's order", () => {
    const guide = "1. Why does Kathy become a carer?\n2. Discuss the gallery.\n3) Who is Madame?";
    expect(texts(guide)).toEqual(["Why does Kathy become a carer?", "Discuss the gallery.", "Who is Madame?"]);
  });

  it("does not take an instruction on a bare, unmarked line", () => {
    const guide = "What did you think of the ending?\nDiscuss the ending with your group.\nWho is Madame?";
    expect(texts(guide)).toEqual(["What did you think of the ending?", "Who is Madame?"]);
  });

  it("does not take the page's calls to share or follow for prompts", () => {
    const guide = [
      "1. Discuss the role of art at Hailsham.",
      "- Share this guide with your book club!",
      "- Share your thoughts with #KlaraBookClub",
      "- Discuss it with us on Facebook",
      "- Consider joining today: join now and get 20% off",
    ].join("\n");
    expect(texts(guide)).toEqual(["Discuss the role of art at Hailsham."]);
  });

  it("makes each sub-item under a lead-in (“Consider the following:”) its own room, lead-in kept", () => {
    const guide = [
      "1.\tConsider the following objects and what they mean to Kathy:",
      "o\tThe tape of Songs After Dark",
      "o\tThe boat stranded in the marsh",
      "2.\tWhich of these moments changed Tommy:",
      "a.\tThe football field",
      "b.\tMiss Lucy's talk",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "Consider the following objects and what they mean to Kathy: The tape of Songs After Dark",
      "Consider the following objects and what they mean to Kathy: The boat stranded in the marsh",
      "Which of these moments changed Tommy: The football field",
      "Which of these moments changed Tommy: Miss Lucy's talk",
    ]);
  });

  it("keeps questions under a lead-in that asks nothing, lead-in as context, and leaves its plain sub-items", () => {
    const guide = [
      "1. In the chapters at the Cottages, the veterans talk about deferrals:",
      "   a. Where does the rumour come from?",
      "   b. Chrissie and Rodney",
      "2. A lead-in on its own, without sub-items:",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "In the chapters at the Cottages, the veterans talk about deferrals: Where does the rumour come from?",
    ]);
  });

  it("keeps a prompt's sub-items with it", () => {
    const guide = "1. Compare Ruth and Kathy.\n   a. At Hailsham\n   b. At the Cottages\n2. Discuss the ending.";
    expect(texts(guide)).toEqual([
      "Compare Ruth and Kathy. (a) At Hailsham (b) At the Cottages",
      "Discuss the ending.",
    ]);
  });
});

describe("parseGuide — metadata is not a heading", () => {
  it("does not name a section after a date, byline, copyright line or link under the title", () => {
    const lines = [
      "By Jane Smith",
      "Written by Jane Smith, Books Editor",
      "March 3, 2024",
      "Sunday, 3rd of March 2024",
      "2024-03-03",
      "Posted on March 3, 2024 by Jane Smith",
      "March 3, 2024 · 5 min read",
      "© 2024 Faber & Faber",
      "Copyright 2024 Reading Group Guides. All rights reserved.",
      "https://www.example.com/never-let-me-go-guide",
      "Page 1 of 2",
      "- 1 -",
    ];
    for (const line of lines) {
      const guide = `Never Let Me Go: Discussion Questions\n${line}\n\n1. What does Hailsham teach its students?`;
      expect(parseGuide(guide).questions, line).toEqual([
        { text: "What does Hailsham teach its students?", section: "Never Let Me Go: Discussion Questions" },
      ]);
    }
  });

  it("does the same for Spanish dates, bylines and page numbers", () => {
    for (const line of ["Por Ana María García", "3 de marzo de 2024", "lunes, 3 de marzo de 2024", "Página 3 de 5", "Todos los derechos reservados"]) {
      const guide = `Cien años de soledad: guía de lectura\n${line}\n\n1. ¿Qué papel cumple Úrsula en la familia?`;
      expect(parseGuide(guide).questions, line).toEqual([
        { text: "¿Qué papel cumple Úrsula en la familia?", section: "Cien años de soledad: guía de lectura" },
      ]);
    }
  });

  it("keeps titles that merely look like bylines or dates", () => {
    const guide = "Stand By Me\n1. Why does Kathy keep the tape?\n\nMarch Madness\n2. Who is Madame?";
    expect(parseGuide(guide).questions).toEqual([
      { text: "Why does Kathy keep the tape?", section: "Stand By Me" },
      { text: "Who is Madame?", section: "March Madness" },
    ]);
  });

  it("reads a question on across a PDF page footer", () => {
    const guide = [
      "1. What does Kathy mean when she calls herself",
      "Page 3 of 5",
      "lucky?",
      "2. Why does Tommy's",
      "- 4 -",
      "12",
      "temper fade?",
    ].join("\n");
    expect(texts(guide)).toEqual(["What does Kathy mean when she calls herself lucky?", "Why does Tommy's temper fade?"]);
  });

  it("keeps a byline-like fragment that is part of a wrapped question", () => {
    const guide = "1. Is this novel, as written\nby Kazuo Ishiguro\nhis most hopeful one?\n2. What changes in\nMarch 1994\nfor Kathy?";
    expect(texts(guide)).toEqual([
      "Is this novel, as written by Kazuo Ishiguro his most hopeful one?",
      "What changes in March 1994 for Kathy?",
    ]);
  });

  it("skips metadata in a guide without a list too", () => {
    const guide = "Book club questions\n2024-03-03\nBy Jane Smith\nWhat did you make of Nick\nPage 2 of 4\nas a narrator?";
    expect(parseGuide(guide).questions).toEqual([
      { text: "What did you make of Nick as a narrator?", section: "Book club questions" },
    ]);
  });
});

describe("parseGuide — whole pasted guides", () => {
  it("reads a Word document: private-use bullets, o and § levels, a lead-in, prompts", () => {
    const { questions } = parseGuide(fixture("never-let-me-go-word.txt"));
    const lead = "Consider the following objects and what they mean to Kathy:";
    const moments = "Which of these moments changes Kathy and Tommy's friendship:";
    expect(questions).toEqual([
      ...under("Part One: Hailsham", [
        "What does Hailsham teach its students, and what does it keep from them?",
        "Why does Tommy rage on the football field, and why does he stop? (a) What does Miss Lucy tell him? (b) Why does it matter that she tells him at all?",
        "Discuss the role of the Exchanges and the Sales in the students' lives.",
        `${lead} The tape of Songs After Dark`,
        `${lead} The pencil case Ruth says Miss Geraldine gave her`,
      ]),
      ...under("Part Two: The Cottages", [
        "How does Ruth change at the Cottages? (a) Why does she copy the veterans? (i) The way they tap each other on the arm (ii) The gestures borrowed from television (b) Is Kathy fair to her?",
        "Talk about the trip to Norfolk. What are the students hoping to find there?",
        `${moments} The rumour about deferrals`,
        `${moments} Tommy's notebook of animals`,
        `${moments} Ruth's apology in the car`,
      ]),
      ...under("Part Three: Kathy as carer", [
        "Reflect on the ending, and on Kathy driving away from the field.",
        "Compare the ways Madame and Miss Emily explain Hailsham.",
        "Share a passage that stayed with you",
        "Why do you think Ishiguro never describes the donations in detail?",
      ]),
    ]);
  });

  it("reads a PDF: hard-wrapped lines, page footers and a running header mid-list", () => {
    expect(parseGuide(fixture("klara-and-the-sun-pdf.txt")).questions).toEqual(
      under("Questions and Topics for Discussion", [
        "Klara sees the world in boxes and segments when she is overwhelmed. What did this way of seeing add to the novel for you?",
        'Discuss the Mother\'s plan for Klara to "continue" Josie. Is it an act of love, or of fear?',
        "Why does Klara believe the Sun can heal Josie? Consider: (i) the Beggar Man and his dog (ii) the Cootings Machine",
        'Explain what Rick means when he says he has not been "lifted."',
        "Describe the last time Klara sees the Manager.",
      ]),
    );
  });

  it("reads a Spanish web page: breadcrumb, byline, date, ▪ and – bullets, prompts", () => {
    expect(parseGuide(fixture("la-casa-de-los-espiritus-web.txt")).questions).toEqual([
      ...under("Primera parte", [
        "¿Qué representa Clara para los demás personajes?",
        "Comenta el papel de los cuadernos de «anotar la vida».",
        "Describe la gran casa de la esquina tal como la ve Alba.",
      ]),
      ...under("Segunda parte", [
        "¿Cambia Esteban Trueba al final de la novela?",
        "Discute la relación entre Blanca y Pedro Tercero.",
        "Reflexiona sobre la memoria y el perdón en el último capítulo.",
      ]),
    ]);
  });
});

describe("parseGuide — what was skipped", () => {
  it("lists each line it left out with its line number and why", () => {
    expect(parseGuide(fixture("station-eleven-mixed.txt")).skipped).toEqual([
      { line: 1, text: "Station Eleven by Emily St. John Mandel", reason: "heading" },
      { line: 2, text: "Reading guide", reason: "heading" },
      { line: 4, text: "Subscribe to our newsletter for a new reading guide every week!", reason: "advertisement" },
      { line: 5, text: "Join for free!", reason: "advertisement" },
      { line: 7, text: "Talking points", reason: "heading" },
      { line: 8, text: "The novel moves back and forth between the years before and after the Georgia Flu.", reason: "not a question" },
      { line: 9, text: "Arthur Leander connects almost every character in the book.", reason: "not a question" },
      { line: 10, text: "The Traveling Symphony's motto is borrowed from an episode of Star Trek.", reason: "not a question" },
      { line: 12, text: "Favourite lines", reason: "heading" },
      { line: 13, text: '"Survival is insufficient."', reason: "quotation" },
      { line: 14, text: "“Hell is the absence of the people you long for?” she wondered.", reason: "quotation" },
      { line: 15, text: "'Why did you stay?' — Kirsten, Year Twenty", reason: "quotation" },
      { line: 16, text: "« Who keeps the lights on now? »", reason: "quotation" },
      { line: 23, text: "Looking for your next book club pick? Join for free!", reason: "advertisement" },
      { line: 26, text: "Want more guides like this? Subscribe", reason: "advertisement" },
      { line: 27, text: "Is this the best pandemic novel ever written?", reason: "outside the list" },
      { line: 29, text: "Adaptations", reason: "heading" },
      { line: 30, text: "Station Eleven (limited television series, 2021)", reason: "not a question" },
      { line: 31, text: "Visit www.example.com/station-eleven to buy the tie-in edition?", reason: "advertisement" },
    ]);
  });

  it("lists metadata, and what a guide without a list leaves out", () => {
    expect(parseGuide(fixture("klara-and-the-sun-pdf.txt")).skipped?.filter((s) => s.reason === "metadata")).toEqual([
      { line: 4, text: "www.example.com/klara", reason: "metadata" },
      { line: 13, text: "Page 1 of 2", reason: "metadata" },
      { line: 14, text: "Klara and the Sun — Reading Group Guide", reason: "metadata" },
      { line: 19, text: "- 2 -", reason: "metadata" },
      { line: 24, text: "Copyright © 2021 by Kazuo Ishiguro", reason: "metadata" },
      { line: 25, text: "Page 2 of 2", reason: "metadata" },
    ]);
    expect(parseGuide(fixture("great-gatsby-plain.txt")).skipped).toEqual([
      { line: 1, text: "The Great Gatsby", reason: "heading" },
      { line: 14, text: "Thanks for reading. Happy discussing!", reason: "not a question" },
    ]);
  });

  it("gives a wrapped item its first and last line, marker stripped, ready to bring back", () => {
    const guide = "Talking points\n\n1. Kathy narrates the whole novel\n   from her bedsit in Dover.\n2. Why does she stay a carer?";
    expect(parseGuide(guide).skipped).toEqual([
      { line: 3, lastLine: 4, text: "Kathy narrates the whole novel from her bedsit in Dover.", reason: "not a question" },
    ]);
  });

  it("lists sub-items it does not use, never dropping one silently", () => {
    const guide = [
      "1. Part One: Hailsham",
      "   a. What does Hailsham teach its students?",
      "   b. The Exchanges",
      "2. Some words to know:",
      "   a. carer",
      "   b. donor",
    ].join("\n");
    const { questions, skipped } = parseGuide(guide);
    expect(questions).toEqual([{ text: "What does Hailsham teach its students?", section: "Part One: Hailsham" }]);
    expect(skipped).toEqual([
      { line: 3, text: "The Exchanges", reason: "not a question" },
      { line: 4, text: "Some words to know:", reason: "heading" },
      { line: 5, text: "carer", reason: "not a question" },
      { line: 6, text: "donor", reason: "not a question" },
    ]);
  });

  it("lists a marker alone on its line and page furniture wearing a bullet", () => {
    const guide = "1.\n   a. Why does Kathy keep the tape?\n• Page 3 of 5\n2. Who is Madame?";
    const { questions, skipped } = parseGuide(guide);
    expect(questions.map((q) => q.text)).toEqual(["Why does Kathy keep the tape?", "Who is Madame?"]);
    expect(skipped).toEqual([
      { line: 1, text: "1.", reason: "not a question" },
      { line: 3, text: "• Page 3 of 5", reason: "metadata" },
    ]);
  });

  it("takes only a top-level item as a section title; a title-like sub-item is context", () => {
    const guide = "1. Part One\n   a. Chapters 1 to 5\n      i. Why does Tommy rage?\n      ii. Who is Madame?";
    expect(parseGuide(guide).questions).toEqual(
      under("Part One", ["Chapters 1 to 5: Why does Tommy rage?", "Chapters 1 to 5: Who is Madame?"]),
    );
  });

  it("accounts for every non-blank line: in a question, as a section, or skipped", () => {
    const guides = [
      seedGuide(),
      ...[
        "never-let-me-go-word.txt",
        "klara-and-the-sun-pdf.txt",
        "la-casa-de-los-espiritus-web.txt",
        "station-eleven-mixed.txt",
        "beloved-bullets.txt",
        "cien-anos-de-soledad-es.txt",
        "great-gatsby-plain.txt",
        "jane-eyre-sections.txt",
        "klara-and-the-sun-q-numbers.txt",
        "middlemarch-wrapped.txt",
        "pride-and-prejudice-question-n.txt",
        "remains-of-the-day-paren-numbers.txt",
      ].map(fixture),
    ];
    for (const guide of guides) expectEveryLineAccounted(guide);
  });

  it("accounts for every non-blank line of random pastes mixing every marker and kind of line", () => {
    const random = prng(8);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const markers = ["", "", "1. ", "2) ", "a. ", "b) ", "i. ", "ii. ", "o\t", "o ", "\uF0B7\t", "\uF0A7\t", "§ ", "• ", "- ", "  ", "\t", "１．", "Q3: "];
    const bodies = [
      "What does Kathy want?", "Discuss the ending.", "Consider the following:", "Part One: Hailsham", "The Buried Giant",
      "March 3, 2024", "By Jane Smith", "Page 2 of 5", '"A quote."', "Join for free!", "una elección?",
      "wrapped line without end", "Themes:", "", "Why does", "he fail?", "- 3 -", "Klara and the Sun",
    ];
    for (let run = 0; run < 400; run++) {
      const length = 1 + Math.floor(random() * 25);
      const guide = Array.from({ length }, () => pick(markers) + pick(bodies)).join("\n");
      const { questions } = parseGuide(guide);
      for (const q of questions) expect(q.text).toMatch(/^\S(?:.*\S)?$/);
      for (const q of questions) expect(q.text).not.toMatch(/\s{2}/);
      expectEveryLineAccounted(guide);
    }
  });

  it("stays bounded and cheap on a megabyte of lines it cannot use", () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => `${i % 2 ? "-" : ""} Line ${i} is a statement.`).join("\n");
    const long = `Header\n1. ${"word ".repeat(200_000)}end.`;
    for (const guide of [junk, long]) {
      const { skipped = [] } = parseGuide(guide);
      expect(skipped.length).toBeGreaterThan(0);
      expect(skipped.length).toBeLessThanOrEqual(MAX_SKIPPED);
      for (const entry of skipped) expect(entry.text.length).toBeLessThanOrEqual(1000);
    }
  });

  it("omits `skipped` when every line was used", () => {
    expect(parseGuide("1. Why Norfolk?\n2. Who is Madame?")).toEqual({
      questions: [{ text: "Why Norfolk?" }, { text: "Who is Madame?" }],
    });
  });
});

// The same line breaks and collapsing the parser uses.
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
// A list marker alone on its line: "1.", "•", "ii.", "１．", "Q3:".
const MARKER_ONLY = /^(?:\S{1,2}|[ivx]{1,4}[.)]|[０-９]{1,3}．|Q\d{1,3}:)$/;

function expectEveryLineAccounted(guide: string): void {
  const { questions, skipped = [] } = parseGuide(guide);
  const sections = [...new Set(questions.flatMap((q) => (q.section ? [q.section] : [])))];
  guide.split(LINE_BREAK).forEach((raw, index) => {
    const line = raw.replace(/[\u200B\uFEFF]/g, "").replace(/\s+/g, " ").trim();
    if (!line) return;
    const number = index + 1;
    if (skipped.some((entry) => entry.line <= number && number <= (entry.lastLine ?? entry.line))) return;
    // A marker alone on its line belongs to the text wrapped under it.
    if (MARKER_ONLY.test(line)) return;
    // The line less its marker: at most the first three words ("Question 1 -"),
    // or two characters with no space after them ("１．").
    const words = line.split(" ");
    const contents = [0, 1, 2, 3].map((drop) => words.slice(drop).join(" ")).concat(line.slice(2)).filter(Boolean);
    const inQuestion = contents.some((content) => questions.some((q) => q.text.includes(content)));
    // A section may be a title wrapped over two lines, its colon dropped.
    const asSection = contents.some((content) =>
      sections.some((section) => line.includes(section) || section.includes(content.replace(/[:：]$/, ""))),
    );
    expect(inQuestion || asSection, `line ${number}: ${line}\n${guide}`).toBe(true);
  });
  for (const entry of skipped) expect(entry.text.trim()).toBe(entry.text);
  expect(skipped.map((entry) => entry.line)).toEqual(skipped.map((entry) => entry.line).sort((a, b) => a - b));
}

// Deterministic, so a failing random paste can be reproduced.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
