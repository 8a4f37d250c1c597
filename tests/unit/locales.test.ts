import { describe, expect, it } from "vitest";
import { negotiateLocale, pickLocale, recipientLocale } from "@/lib/i18n/locales";

describe("negotiateLocale: which of our languages an Accept-Language header asks for", () => {
  it("reads a regional Spanish (es-MX) as Spanish", () => {
    expect(negotiateLocale("es-MX,es;q=0.9")).toBe("es");
    expect(negotiateLocale("es-MX")).toBe("es");
  });

  it("falls back to English for a language we don't speak (pt)", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9")).toBe("en");
  });

  it("takes the first language we speak, in q-value order", () => {
    expect(negotiateLocale("pt;q=1, es;q=0.8, en;q=0.5")).toBe("es");
    expect(negotiateLocale("en;q=0.3, es;q=0.9")).toBe("es");
    expect(negotiateLocale("es;q=0.3, en-GB;q=0.9")).toBe("en");
  });

  it("ignores a language refused with q=0", () => {
    expect(negotiateLocale("es;q=0, en;q=0.5")).toBe("en");
  });

  it("answers English for a missing, empty, wildcard or malformed header", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale(";;;,,q=abc")).toBe("en");
    expect(negotiateLocale("x-@@@-!!")).toBe("en");
  });
});

describe("pickLocale: profile choice > footer cookie > browser", () => {
  it("lets the profile's choice beat the cookie and the browser", () => {
    expect(pickLocale({ chosen: "en", cookie: "es", acceptLanguage: "es-ES" })).toBe("en");
    expect(pickLocale({ chosen: "es", cookie: "en", acceptLanguage: "en-US" })).toBe("es");
  });

  it("lets the cookie beat the browser when there is no choice", () => {
    expect(pickLocale({ chosen: null, cookie: "es", acceptLanguage: "en-US" })).toBe("es");
  });

  it("ignores a cookie or choice that is not one of our locales", () => {
    expect(pickLocale({ chosen: "fr", cookie: "de", acceptLanguage: "es-AR" })).toBe("es");
  });

  it("follows the browser when nothing was chosen", () => {
    expect(pickLocale({ acceptLanguage: "es-419,es;q=0.9" })).toBe("es");
    expect(pickLocale({})).toBe("en");
  });
});

describe("recipientLocale: the language of an email", () => {
  it("prefers the member's choice, then their browser's, then English", () => {
    expect(recipientLocale({ locale: "en", browserLocale: "es" })).toBe("en");
    expect(recipientLocale({ locale: null, browserLocale: "es" })).toBe("es");
    expect(recipientLocale({ locale: null, browserLocale: null })).toBe("en");
  });
});
