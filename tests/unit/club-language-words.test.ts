import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";

// The club's language named inside a sentence is a word of the reader's language, lower-case in
// Spanish ("se buscan en español"), not the language's own name for itself ("Español"), which is
// for the language switches (docs/decisions/0025-words-in-the-readers-language.md).

describe("the saved club language, in a sentence", () => {
  it("is named in Spanish, lower-case", () => {
    const t = translatorFor("es", "club");
    expect(t("settings.language.saved", { language: "es" })).toBe("Guardado: ahora las respuestas se buscan en español.");
    expect(t("settings.language.saved", { language: "en" })).toBe("Guardado: ahora las respuestas se buscan en inglés.");
  });

  it("is named in English", () => {
    const t = translatorFor("en", "club");
    expect(t("settings.language.saved", { language: "es" })).toBe("Saved: replies are searched in Spanish now.");
    expect(t("settings.language.saved", { language: "en" })).toBe("Saved: replies are searched in English now.");
  });
});
