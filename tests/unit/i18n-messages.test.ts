import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";

// Every message key exists in every language, each message is valid ICU, and a translation uses
// exactly the arguments its English message does (a dropped {count} or a misspelt {name} would
// otherwise show the raw braces, or nothing, to one language's readers only).

function flatten(tree: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === "string") found.set(prefix + name, value);
    else for (const [key, text] of flatten(value as object, `${prefix}${name}.`)) found.set(key, text);
  }
  return found;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const english = flatten(messagesByLocale.en);

describe("message files", () => {
  it("has English messages to compare against", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  for (const locale of locales) {
    const messages = flatten(messagesByLocale[locale]);

    it(`${locale}: has every key English has, and no other`, () => {
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale}: every message is valid ICU and uses English's arguments`, () => {
      const wrong: string[] = [];
      for (const [key, text] of messages) {
        const source = english.get(key);
        if (source === undefined) continue;
        try {
          const mine = [...argumentsOf(parse(text))].sort();
          const theirs = [...argumentsOf(parse(source))].sort();
          if (mine.join() !== theirs.join()) wrong.push(`${key}: {${mine.join(", ")}} but English has {${theirs.join(", ")}}`);
        } catch (error) {
          wrong.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${locale}: no message is empty`, () => {
      expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    });
  }
});
