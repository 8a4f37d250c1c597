// Lines that describe the page rather than the guide: dates, bylines, page
// numbers, copyright notices, bare links, reading times. Pasted from web pages
// and PDFs they sit where headings would, so they must be told apart from
// headings before anything else reads them.
//
// Only short lines are checked (a date or byline is never a paragraph), so every
// check here costs constant time whatever the input.

/**
 * "soft": a date or byline, which could also be a fragment of a hard-wrapped
 * sentence ("as written / by Kazuo Ishiguro / his best?"); readers decide by
 * what surrounds it. "hard": page furniture that never belongs to a sentence.
 */
export type MetadataKind = "soft" | "hard";

const MAX_LENGTH = 100;

const EN_MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const ES_MONTH = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
const WEEKDAY =
  "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),? ";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
const DATE_LABEL =
  "(?:(?:last )?updated|published|posted(?: on)?|date|dated|fecha|actualizado(?: el)?|publicado(?: el)?):? ";

// "March 3, 2024", "Sunday, 3rd of March 2024", "2024-03-03", "03/03/2024",
// "3 de marzo de 2024", "marzo de 2024", "Updated: March 2024".
const DATE = new RegExp(
  `^(?:${DATE_LABEL})?(?:${WEEKDAY})?(?:` +
    [
      `${EN_MONTH} ${DAY},? \\d{4}`,
      `${DAY} (?:of )?${EN_MONTH},? \\d{4}`,
      `${EN_MONTH},? \\d{4}`,
      `\\d{1,2} de ${ES_MONTH}(?: de| del|,)? \\d{4}`,
      `${ES_MONTH} (?:de |del )?\\d{4}`,
      `\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}`,
      `\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}`,
    ].join("|") +
    ")$",
  "i",
);

// "Page 3 of 5", "Página 3 de 5", "p. 3", "3 / 5", "- 3 -", "[3]", "3".
const PAGE_NUMBER =
  /^(?:(?:page|pg\.?|p\.|p[aá]gina|p[aá]g\.?) ?\d{1,4}(?: ?(?:of|de|\/) ?\d{1,4})?|\d{1,4} ?(?:of|de|\/) ?\d{1,4}|[-–—] ?\d{1,4} ?[-–—]|\[\d{1,4}\]|\d{1,4})$/i;

const COPYRIGHT =
  /^(?:©|℗|\(c\) ?\d|copyright\b)|\ball rights reserved\b|\bderechos reservados\b/i;

const URL_ONLY = /^(?:https?:\/\/|www\.)[^ ]*$/i;

// "3 min read", "Reading time: 5 minutes", "Lectura de 4 minutos".
const READING_TIME =
  /^(?:\d{1,3}[- ]?min(?:ute)?s? read|reading time:? \d{1,3} ?min(?:ute)?s?|(?:tiempo de )?lectura(?: de)?:? \d{1,3} ?min(?:uto)?s?|\d{1,3} ?min(?:uto)?s? de lectura)$/i;

// "By Jane Smith", "Written by …", "Por Gabriel García Márquez", "Author: …".
const BYLINE_LEAD =
  /^(?:(?:written|compiled|prepared|edited|created|questions|guide|reading guide|discussion guide) by|by|(?:escrit[oa]|preparad[oa]|gu[ií]a|preguntas) por|por|author:?|autor[a]?:?) /i;
// Lowercase words that may sit inside a name.
const NAME_PARTICLES = new Set(["and", "&", "y", "e", "de", "del", "la", "le", "van", "von", "da", "di", "du"]);
const MAX_NAME_WORDS = 8;
const STARTS_UPPERCASE = /^\p{Lu}/u;

// "March 3, 2024 · 5 min read", "Posted on March 3, 2024 | Jane Smith".
const SEPARATOR = / [|·•—–] /;
const BY = / (?:by|por) /i;

/** Whether a whitespace-collapsed, trimmed line is page metadata, and which kind. */
export function metadataKind(text: string): MetadataKind | null {
  if (text.length > MAX_LENGTH || text.includes("?")) return null;
  const fact = factKind(text);
  if (fact !== null) return fact;
  if (isByline(text)) return "soft";
  // Several facts on one line, at least one a date or the like, the others
  // names: "March 3, 2024 by Jane Smith". Not "Stand By Me", not "Beloved by
  // Toni Morrison", which are titles.
  const parts = text.split(SEPARATOR);
  const by = BY.exec(text);
  if (parts.length === 1 && by !== null) {
    parts.splice(0, 1, text.slice(0, by.index).replace(/,$/, ""), text.slice(by.index + 1));
  }
  if (parts.length === 1) return null;
  const facts = parts.map(factKind);
  if (facts.every((kind) => kind === null)) return null;
  const rest = parts.filter((_, index) => facts[index] === null);
  if (!rest.every((part) => isByline(part) || isName(part.split(" ")))) return null;
  return rest.length > 0 || facts.includes("soft") ? "soft" : "hard";
}

function factKind(text: string): MetadataKind | null {
  if (PAGE_NUMBER.test(text) || COPYRIGHT.test(text) || URL_ONLY.test(text) || READING_TIME.test(text)) {
    return "hard";
  }
  return DATE.test(text) ? "soft" : null;
}

function isByline(text: string): boolean {
  const lead = BYLINE_LEAD.exec(text);
  if (lead === null) return false;
  return isName(text.slice(lead[0].length).split(" "));
}

// A name is capitalised words ("Jane Smith, Penguin Books"); "the end of the
// novel" after a "By" is a sentence.
function isName(words: readonly string[]): boolean {
  if (words.length > MAX_NAME_WORDS || !STARTS_UPPERCASE.test(words[0] ?? "")) return false;
  return words.every((word) => STARTS_UPPERCASE.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}
