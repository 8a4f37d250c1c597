import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { hasForbiddenCharacter, text } from "@/lib/validation/text";

// Every schema exported by lib/validation, found by file, so a schema added later is walked too.
const modules = import.meta.glob<Record<string, unknown>>("../../lib/validation/*.ts", { eager: true });

type Path = (string | number)[];

/**
 * Where a value can go in a schema's input: one path per leaf, through objects, arrays,
 * optional/nullable/default wrappers and pipes (a preprocess is a pipe from a transform).
 */
function leafPaths(schema: z.ZodType, path: Path = []): Path[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafPaths(child, [...path, key]));
    case "array":
      return leafPaths(def.element as z.ZodType, [...path, 0]);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return leafPaths(def.innerType as z.ZodType, path);
    case "pipe": {
      const input = def.in as z.ZodType;
      const inputType = (input as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      return leafPaths(inputType === "transform" || inputType === "unknown" ? (def.out as z.ZodType) : input, path);
    }
    default:
      return [path];
  }
}

function withValueAt(path: Path, value: string): unknown {
  let result: unknown = value;
  for (const step of [...path].reverse()) result = typeof step === "number" ? [result] : { [step]: result };
  return result;
}

// Not text that anyone reads or that is stored as text: passwords are only ever hashed (a NUL
// in one is harmless to scrypt), and the .ics origin is computed by the server, never typed.
const exempt = new Set(["password", "signInInput.password", "changePasswordInput.currentPassword", "changePasswordInput.newPassword", "changePasswordInput.confirmPassword", "deleteAccountInput.password", "meetingIcsRequest.origin"]);

// importQuestionsBody is z.unknown().transform(...), opaque to the walk: its fields are listed.
const opaque: Record<string, Path[]> = { importQuestionsBody: [["questions", 0, "text"], ["questions", 0, "section"]] };

const forbidden = ["a\u0000b", "a\u001bb", "a\u0007b", "a\u007fb", "a\u0085b", "a\ud800b", "\u0000"];

const cases = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .flatMap(([name, schema]) =>
      (opaque[name] ?? leafPaths(schema))
        .map((path) => ({ label: [name, ...path.map(String)].join("."), file: file.replace(/^.*\//, ""), name, schema, path }))
        .filter((entry) => !exempt.has(entry.label.replace(/\.0(?=\.|$)/g, ""))),
    ),
);

describe("every text field of every schema in lib/validation", () => {
  it("finds the schemas and their fields (the walk itself works)", () => {
    const labels = cases.map((entry) => entry.label);
    expect(labels).toEqual(expect.arrayContaining(["postReplyInput.body", "editReplyInput.body", "hideReplyInput.reason", "renameInput.name", "signUpInput.name", "createClubInput.name", "createClubInput.description", "bookInput.title", "bookInput.author", "bookInput.description", "meetingInput.title", "meetingInput.notes", "meetingInput.location", "meetingInput.readingAssignment", "scheduleMeetingInput.title", "addQuestionInput.question", "importQuestionsBody.questions.0.text", "importQuestionsBody.questions.0.section", "createInviteInput.maxUses"]));
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.flatMap((entry) => forbidden.map((value) => ({ ...entry, value }))))("$label refuses $value", ({ schema, path, value }) => {
    const input = withValueAt(path, value);
    let caught: unknown = null;
    let output: unknown;
    try {
      output = parseInput(schema, input);
    } catch (error) {
      caught = error;
    }
    if (caught === null) {
      // Accepted only when the value was dropped (a token that cannot be one becomes null).
      expect(JSON.stringify(output)).not.toMatch(/\\u0000|\\u001b|\\u0007|\\u007f|\\u0085|\\ud800/);
      return;
    }
    // A 400 that names the field, in the form's key (`questions.0.text`).
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("bad_request");
    expect(Object.keys((caught as AppError).fields ?? {})).toContain(path.join(".") || "input");
  });
});

describe("text()", () => {
  it("keeps tab and line breaks in multi-line text and refuses them on a single line", () => {
    expect(text({ label: "reply", multiline: true }).parse(" a\tb\r\nc ")).toBe("a\tb\r\nc");
    for (const value of ["a\tb", "a\nb", "a\rb"]) {
      expect(text({ label: "title" }).safeParse(value).success).toBe(false);
    }
  });

  it("names the field in its message, before trimming could hide the character", () => {
    expect(() => parseInput(z.object({ body: text({ label: "reply", multiline: true }) }), { body: "\u0000" })).toThrowError(
      "The reply contains a control character that can't be stored. Remove it and try again.",
    );
    expect(() => parseInput(z.object({ title: text({ label: "title" }) }), { title: "A\u000bB" })).toThrowError(
      "The title must be one line of text, without tabs or control characters.",
    );
  });

  it("keeps every printable character, emoji and other scripts included", () => {
    expect(hasForbiddenCharacter("Café 😀 كتاب 本 \u00a0 \u2028", false)).toBe(false);
  });

  it("refuses every C0 and C1 control character and lone surrogates", () => {
    for (let code = 0; code <= 0x9f; code++) {
      if (code > 0x1f && code < 0x7f) continue;
      const allowedOnMultiLine = code === 9 || code === 10 || code === 13;
      expect(hasForbiddenCharacter(`a${String.fromCharCode(code)}b`, true)).toBe(!allowedOnMultiLine);
      expect(hasForbiddenCharacter(`a${String.fromCharCode(code)}b`, false)).toBe(true);
    }
    expect(hasForbiddenCharacter("a\udc00", true)).toBe(true);
    expect(hasForbiddenCharacter("😀", true)).toBe(false);
  });
});
