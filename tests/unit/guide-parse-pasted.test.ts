import { describe, expect, it } from "vitest";
import { parseGuide } from "@/lib/guides/parse";

// Guides as word processors, PDF viewers and web pages put them on the
// clipboard. The strings below are what a paste into a textarea delivers.

const texts = (guide: string): string[] => parseGuide(guide).questions.map((q) => q.text);

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

  it("nests a different marker indented under a question, also after a blank line", () => {
    const guide = [
      "1. How does the novel end?",
      "",
      "   - Is the ending hopeful?",
      "   - Would you have chosen it?",
      "",
      "2. Who is Madame?",
    ].join("\n");
    expect(texts(guide)).toEqual([
      "How does the novel end? (a) Is the ending hopeful? (b) Would you have chosen it?",
      "Who is Madame?",
    ]);
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
