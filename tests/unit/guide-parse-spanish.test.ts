// Spanish discussion guides, pasted as clubs find them: "Preguntas para el club
// de lectura" and "Primera parte" headings, "1." and "1)" numbers, questions
// in ¿…? that wrap across lines, unnumbered questions, accents in either
// Unicode form (NFC from the web, NFD from some PDFs and macOS).
import { describe, expect, it } from "vitest";
import { parseGuide } from "@/lib/guides/parse";

const GUIDE = `Nunca me abandones — Kazuo Ishiguro
Guía de lectura
Por Marta Giménez
3 de marzo de 2025

Preguntas para el club de lectura

Primera parte
1. ¿Qué nos dice de Kathy el hecho de que empiece su relato
presentándose como cuidadora?
2. ¿Por qué los custodios insisten tanto en la salud de los alumnos?
3) Comenta el papel de la señorita Lucy en Hailsham.

Segunda parte
1) ¿Cómo cambia la amistad entre Kathy, Ruth y Tommy en las Cottages?
2) ¿Qué significa para ellos la búsqueda del «posible» de Ruth?

Tercera parte
¿Por qué Madame y la señorita Emily nunca
les dijeron la verdad?
¿Qué opinas del final?

Capítulos 1–5
• ¿Qué papel cumple la cinta «Never Let Me Go» en la novela?

Preguntas de discusión
1. ¿Crees que el título del libro resume su tema principal?
2. ¿Cuál es el «corazón» de la novela para ti?

Comparte en Facebook
© 2025 Club de lectura del barrio`;

describe("parseGuide on Spanish guides", () => {
  it("files numbered questions under Spanish section headings, with ¿…? across lines", () => {
    const { questions } = parseGuide(GUIDE);
    expect(questions).toEqual([
      {
        text: "¿Qué nos dice de Kathy el hecho de que empiece su relato presentándose como cuidadora?",
        section: "Primera parte",
      },
      { text: "¿Por qué los custodios insisten tanto en la salud de los alumnos?", section: "Primera parte" },
      { text: "Comenta el papel de la señorita Lucy en Hailsham.", section: "Primera parte" },
      { text: "¿Cómo cambia la amistad entre Kathy, Ruth y Tommy en las Cottages?", section: "Segunda parte" },
      { text: "¿Qué significa para ellos la búsqueda del «posible» de Ruth?", section: "Segunda parte" },
      { text: "¿Qué papel cumple la cinta «Never Let Me Go» en la novela?", section: "Capítulos 1–5" },
      { text: "¿Crees que el título del libro resume su tema principal?", section: "Preguntas de discusión" },
      { text: "¿Cuál es el «corazón» de la novela para ti?", section: "Preguntas de discusión" },
    ]);
  });

  it("reads unnumbered ¿…? questions under Spanish headings when there is no list", () => {
    const guide = `Preguntas para el club de lectura

Primera parte
¿Por qué Madame y la señorita Emily nunca
les dijeron la verdad?
¿Qué opinas del final?

Segunda parte
Kathy recuerda Hailsham con cariño.
¿Es su recuerdo fiable?`;
    const { questions, skipped } = parseGuide(guide);
    expect(questions).toEqual([
      { text: "¿Por qué Madame y la señorita Emily nunca les dijeron la verdad?", section: "Primera parte" },
      { text: "¿Qué opinas del final?", section: "Primera parte" },
      { text: "¿Es su recuerdo fiable?", section: "Segunda parte" },
    ]);
    expect(skipped?.map((s) => s.text)).toContain("Kathy recuerda Hailsham con cariño.");
  });

  it("keeps unnumbered questions listed in the skipped lines of a numbered guide, so a moderator can bring them back", () => {
    const { skipped } = parseGuide(GUIDE);
    const texts = skipped?.map((s) => s.text) ?? [];
    expect(texts).toContain("¿Qué opinas del final?");
    expect(texts).toContain("Comparte en Facebook");
  });

  it("reads accents decomposed by a PDF (NFD) as the same letters, composed", () => {
    const decomposed = "Primera parte\n1. ¿Qué opinas de Tommy?\n2. ¿Cómo termina?".normalize("NFD");
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    expect(parseGuide(decomposed).questions).toEqual([
      { text: "¿Qué opinas de Tommy?", section: "Primera parte" },
      { text: "¿Cómo termina?", section: "Primera parte" },
    ]);
  });

  it("does not take a Spanish wrapped line opening with an inverted mark for a heading", () => {
    const guide = "Capítulos 6–10\n¿Qué sabe Tommy\nde las galerías?\n¡Qué final!";
    expect(parseGuide(guide).questions).toEqual([
      { text: "¿Qué sabe Tommy de las galerías?", section: "Capítulos 6–10" },
    ]);
  });

  it("takes a question that opens with ¿ mid-sentence and wraps over a soft line break", () => {
    const guide = "Tercera parte\n1. Al final, Kathy conduce sola.\n¿Qué siente en ese momento?\n2. Si fueras Tommy, ¿habrías ido a ver a Madame?";
    expect(parseGuide(guide).questions).toEqual([
      { text: "Al final, Kathy conduce sola. ¿Qué siente en ese momento?", section: "Tercera parte" },
      { text: "Si fueras Tommy, ¿habrías ido a ver a Madame?", section: "Tercera parte" },
    ]);
  });
});
