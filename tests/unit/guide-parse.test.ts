import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseGuide, type GuideQuestion } from "@/lib/guides/parse";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/guides/${name}`, import.meta.url)), "utf8");

const seedGuide = (): string =>
  readFileSync(
    fileURLToPath(new URL("../../db/seed-data/never-let-me-go-guide.txt", import.meta.url)),
    "utf8",
  );

const under = (section: string, texts: string[]): GuideQuestion[] =>
  texts.map((text) => ({ text, section }));

// Every question the parser returns must be usable as-is.
const expectSane = (questions: GuideQuestion[]): void => {
  for (const q of questions) {
    expect(q.text).toBe(q.text.trim());
    expect(q.text.length).toBeGreaterThan(0);
    expect(q.text).toMatch(/[?？؟]/);
    expect(q.text).not.toMatch(/[\r\n]|\s{2}/);
  }
};

// Deterministic so a failure on junk input can be reproduced.
const prng = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SEED_QUESTIONS = [
  "What did you think of the way the novel portrayed the theme of mortality?",
  "How did the characters' relationships develop throughout the novel?",
  "What do you think were the main themes explored in Never Let Me Go?",
  "What message was Kazuo Ishiguro trying to convey through his writing?",
  "Did you find Kathy's narrative voice convincing and engaging?",
  "How did you feel about the ending of the novel?",
  "Did you sympathize with any of the characters in particular?",
  "How would you describe the tone of Never Let Me Go?",
  "Were there any moments that left a lasting impression on you?",
  "Do you think Ishiguro was successful in conveying the human cost behind scientific progress?",
];

const REMAINS_OF_THE_DAY = under("Questions for Discussion", [
  'Stevens spends much of the opening chapter defining what makes a "great" butler. How does his definition change by the end of the journey?',
  "Why do you think Ishiguro chose to tell this story as a road trip?",
  'What does Stevens\'s practice of "bantering" reveal about him?',
  "How reliable is Stevens as a narrator, and where did you first begin to doubt him?",
  "Lord Darlington is never shown to us directly. What kind of man do you imagine him to be?",
  "Was Miss Kenton right to leave Darlington Hall?",
  "What is the significance of the evening on the pier at Weymouth?",
]);

describe("parseGuide — the seed guide (Never Let Me Go web page)", () => {
  it("returns exactly the ten book-club questions, in order, text intact", () => {
    const { questions } = parseGuide(seedGuide());
    expect(questions.map((q) => q.text)).toEqual(SEED_QUESTIONS);
  });

  it("files them under the page's book-club heading", () => {
    const { questions } = parseGuide(seedGuide());
    expect(questions).toEqual(under("Never Let Me Go: Book Club Questions", SEED_QUESTIONS));
  });

  it("gives the same result with Windows line endings", () => {
    const crlf = seedGuide().replace(/\r?\n/g, "\r\n");
    expect(crlf).toContain("\r\n");
    expect(parseGuide(crlf).questions.map((q) => q.text)).toEqual(SEED_QUESTIONS);
  });
});

describe("parseGuide — other guide formats", () => {
  it("reads `1)` numbering at any indentation, skipping the intro and author note", () => {
    expect(parseGuide(fixture("remains-of-the-day-paren-numbers.txt")).questions).toEqual(
      REMAINS_OF_THE_DAY,
    );
  });

  it("reads `Q1:` / `Q2.` / `Q4 -` / `Q5)` numbering", () => {
    expect(parseGuide(fixture("klara-and-the-sun-q-numbers.txt")).questions).toEqual(
      under("Book Club Kit", [
        "Klara sees the world in boxes and segments when she is overwhelmed. What did this way of seeing add to the novel for you?",
        "Why does Klara believe the Sun can heal Josie?",
        'How did you feel about the Mother\'s plan for Klara to "continue" Josie?',
        "Is Klara capable of love, or only of imitating it?",
        "What does the Cootings Machine represent?",
        'Rick has not been "lifted." How does that shape his future and his friendship with Josie?',
      ]),
    );
  });

  it("reads `Question 1 -` and `Question 3:` numbering", () => {
    expect(parseGuide(fixture("pride-and-prejudice-question-n.txt")).questions).toEqual(
      under("Pride and Prejudice Discussion Guide", [
        "The novel opens with one of the best-known first lines in English. Is it meant to be taken seriously?",
        "Which first impression in the book turns out to be the most mistaken?",
        "How does Austen use the letter Darcy writes after the first proposal to shift our sympathies?",
        "Charlotte Lucas marries Mr Collins for security. Do you judge her for it?",
        "What role does money play in the marriages of the Bennet sisters?",
        "Is Mr Bennet a good father?",
      ]),
    );
  });

  it("reads every bullet style: • - * ◦ ‣ · – (with or without a following space)", () => {
    expect(parseGuide(fixture("beloved-bullets.txt")).questions).toEqual(
      under("Discussion prompts for reading groups", [
        'Why does Morrison open the novel with the line "124 was spiteful"?',
        'What does Sethe mean by "rememory," and how does it shape the way the past behaves in the novel?',
        "How does Paul D's arrival change the house on Bluestone Road?",
        "Denver spends much of the novel afraid to leave the yard. What finally gives her the courage to go?",
        "Who, or what, do you believe Beloved is?",
        "How do the chapters narrated by Sethe, Denver and Beloved differ from the rest of the book?",
        "Why is the community's response at the end of the novel so important?",
        'What do you make of the repeated closing line, "It was not a story to pass on"?',
      ]),
    );
  });

  it("assigns sections from Markdown, title-like and colon-ended headings, across prose", () => {
    expect(parseGuide(fixture("jane-eyre-sections.txt")).questions).toEqual([
      ...under("Part One: Gateshead and Lowood", [
        "What does the red-room episode tell us about Jane's temperament?",
        "How does Helen Burns's idea of endurance differ from Jane's?",
      ]),
      ...under("Part Two: Thornfield", [
        "When did you first suspect the truth about the third floor?",
        "Rochester disguises himself as a fortune-teller. Why?",
        "Is Jane's decision to leave Thornfield an act of strength or of fear?",
      ]),
      ...under("Themes", [
        "How does Brontë connect independence with money?",
        "What does the novel suggest about religion and duty, especially through St John Rivers?",
      ]),
    ]);
  });

  it("joins questions wrapped over two or more lines; questions before any heading have no section", () => {
    expect(parseGuide(fixture("middlemarch-wrapped.txt")).questions).toEqual([
      {
        text: "Dorothea marries Casaubon believing he will open the world of learning to her. What did she actually want from the marriage?",
      },
      { text: "How does Eliot's narrator move between Dorothea, Lydgate and the rest of the town?" },
      { text: "Lydgate arrives in Middlemarch full of reforming zeal. Why does he fail?" },
      { text: "Is Fred Vincy's redemption believable?" },
      ...under("Further questions", [
        "What role does gossip play in the downfall of Bulstrode, and is the town right to turn against him?",
        "Which of the marriages in Middlemarch is the happiest?",
        'The novel ends by praising "unhistoric acts." Which small acts in the book mattered most to you?',
      ]),
    ]);
  });

  it("leaves out talking points, quotations, ads and unmarked page prose", () => {
    expect(parseGuide(fixture("station-eleven-mixed.txt")).questions).toEqual(
      under("Questions to discuss", [
        "Why do you think the Symphony performs Shakespeare rather than newer plays?",
        '"Survival is insufficient." Do you agree with the motto?',
        "How does the Museum of Civilization change the way you see ordinary objects?",
        "What does Miranda's comic, Dr. Eleven, mean to Kirsten?",
        "Which timeline did you find more compelling, and why?",
      ]),
    );
  });

  it("reads a Spanish guide with ¿…?, numbered and bulleted, keeping accents", () => {
    expect(parseGuide(fixture("cien-anos-de-soledad-es.txt")).questions).toEqual([
      ...under("Primera parte: la fundación de Macondo", [
        "¿Por qué crees que José Arcadio Buendía se obsesiona con los inventos que traen los gitanos?",
        "¿Qué papel cumple Úrsula en la familia a lo largo de los años?",
        "La peste del insomnio hace que el pueblo olvide el nombre de las cosas. ¿Qué nos dice este episodio sobre la memoria?",
      ]),
      ...under("Segunda parte: guerras y decadencia", [
        "¿Cómo cambia el coronel Aureliano Buendía después de tantas guerras perdidas?",
        "¿Qué opinas del final?",
        "¿Es la soledad una herencia o una elección para los Buendía?",
      ]),
    ]);
  });

  it("falls back to one question per line when the guide has no list markers", () => {
    expect(parseGuide(fixture("great-gatsby-plain.txt")).questions).toEqual([
      ...under("Book club questions", [
        "What did you make of Nick Carraway as a narrator?",
        "Why does Gatsby throw such extravagant parties when he rarely attends them?",
        "What does the green light at the end of Daisy's dock stand for?",
        "Is Daisy worthy of Gatsby's devotion?",
      ]),
      ...under("The ending", [
        "Who is really responsible for Myrtle's death?",
        "Why do so few people come to Gatsby's funeral?",
      ]),
    ]);
  });

  it("also falls back when list items exist but none of them is a question", () => {
    const guide = [
      "What did you think?",
      "",
      "Other books by the author",
      "- The Buried Giant",
      "- Nocturnes",
      "",
      "Was the ending earned?",
    ].join("\n");
    expect(parseGuide(guide).questions).toEqual([
      { text: "What did you think?" },
      { text: "Was the ending earned?", section: "Other books by the author" },
    ]);
  });

  it("keeps quotes, apostrophes and duplicates exactly as written", () => {
    const guide = "1. Why does Kathy keep “Songs After Dark”?\n2. Why does Kathy keep “Songs After Dark”?\n";
    expect(parseGuide(guide).questions).toEqual([
      { text: "Why does Kathy keep “Songs After Dark”?" },
      { text: "Why does Kathy keep “Songs After Dark”?" },
    ]);
  });
});

describe("parseGuide — edge cases", () => {
  it("returns no questions for empty or whitespace-only input", () => {
    expect(parseGuide("")).toEqual({ questions: [] });
    expect(parseGuide("   \n\t\r\n  \u00a0 \n")).toEqual({ questions: [] });
  });

  it("handles Windows line endings in a fixture", () => {
    const crlf = fixture("remains-of-the-day-paren-numbers.txt").replace(/\r?\n/g, "\r\n");
    expect(parseGuide(crlf).questions).toEqual(REMAINS_OF_THE_DAY);
    const wrapped = fixture("middlemarch-wrapped.txt").replace(/\r?\n/g, "\r\n");
    expect(parseGuide(wrapped).questions[0]).toEqual({
      text: "Dorothea marries Casaubon believing he will open the world of learning to her. What did she actually want from the marriage?",
    });
  });

  it("returns on a megabyte of adversarial junk and still finds the real question", () => {
    const random = prng(42);
    const alphabet = "?.!¿¡-*•()[]:;\"'“”«» 1Qq#\tab";
    const junkLine = (): string =>
      Array.from({ length: 100 }, () => alphabet.charAt(Math.floor(random() * alphabet.length))).join("");
    const sentinel = "Is this question still found after all that junk?";
    const parts = [
      ...Array.from({ length: 300 }, () => "1. " + "a".repeat(1000)),
      " ".repeat(100_000) + "1.",
      "#".repeat(100_000),
      "- " + "“".repeat(100_000) + "?",
      "Q".repeat(50_000) + "1:",
      "1.".repeat(50_000),
      "(".repeat(50_000) + "1) ?",
      "Question " + "1".repeat(50_000) + " -",
      "* " + "?".repeat(50_000),
      ...Array.from({ length: 2_000 }, junkLine),
      "",
      `1. ${sentinel}`,
    ];
    const input = parts.join("\n");
    expect(input.length).toBeGreaterThan(1_000_000);

    const { questions } = parseGuide(input);
    expectSane(questions);
    expect(questions.at(-1)).toEqual({ text: sentinel });
    expect(questions.some((q) => q.text.startsWith("aaa"))).toBe(false);
  });

  it("returns on one megabyte-long line", () => {
    const words = "word ".repeat(200_000);
    const { questions } = parseGuide(`1. ${words}end?`);
    expect(questions).toHaveLength(1);
    expect(questions[0]?.text).toBe(`${words}end?`);
  });

  it("never throws on binary junk", () => {
    const random = prng(7);
    const binary = Array.from({ length: 200_000 }, () =>
      String.fromCharCode(Math.floor(random() * 0x10000)),
    ).join("");
    const result = parseGuide(binary);
    expect(Array.isArray(result.questions)).toBe(true);
    expectSane(result.questions);
  });
});
