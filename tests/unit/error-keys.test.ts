import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError, notFound } from "@/lib/errors";
import { issueText } from "@/lib/i18n/error-keys";
import { errorKey, errorText } from "@/lib/i18n/error-text";
import { errorWords } from "@/lib/i18n/error-words";
import { reachText } from "@/lib/i18n/error-points";
import { endPoint } from "@/lib/books/points";
import { parseInput } from "@/lib/validation/parse";
import { fieldWords } from "@/tests/error-words";

// What a person is told is a key of the errors messages, translated by the door into the
// reader's language. The compiler checks every key; these checks catch English words slipping
// back in where a string still fits (the message of a zod schema, an AppError built around a cast).

const root = join(__dirname, "..", "..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = ["lib", "app", "db"].flatMap((directory) => sourceFiles(join(root, directory))).map((path) => ({ path: path.slice(root.length + 1), text: readFileSync(path, "utf8") }));

/** Every `pattern` match in the sources, as "path: match". */
function found(pattern: RegExp): string[] {
  return files.flatMap(({ path, text }) => [...text.matchAll(pattern)].map((match) => `${path}: ${match[0]}`));
}

describe("error messages in the code", () => {
  it("reads the sources it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(found(/new AppError\(/g).length).toBeGreaterThan(40);
  });

  it("builds no AppError from words: its message and its fields are keys", () => {
    expect(found(/new AppError\(\s*"[a-z_]+"\s*,\s*[`"']/g)).toEqual([]);
    expect(found(/new AppError\([^;]*\{\s*[\w[\]."`$]+:\s*[`"'][A-Z][^;]*/g)).toEqual([]);
  });

  it("refuses nothing in words: ensure() and notFound() name keys", () => {
    expect(found(/\bensure\([^;]*,\s*[`"'][A-Z]/g)).toEqual([]);
    expect(found(/\bnotFound\(\s*[`"'](This|Your) /g)).toEqual([]);
  });

  it("gives zod no English sentence as a message", () => {
    // Not messages to a person: env.ts speaks to whoever deploys; time.ts's words are the meeting
    // form's preview, and the door says its refusals from keys (lib/meetings/schedule.ts startProblem).
    const notForReaders = ["lib/env.ts", "lib/meetings/time.ts"];
    expect(found(/\b(error|message):\s*[`"'][A-Z][a-z]+ [^`"']*[.!?][`"']/g).filter((hit) => !notForReaders.some((path) => hit.startsWith(path)))).toEqual([]);
    expect(found(/\.(min|max|int|refine|regex|length|email|uuid|url)\([^()]*,\s*[`"'][A-Z][a-z]+ /g)).toEqual([]);
    expect(found(/z\.(uuid|email|url|iso\.datetime)\(\s*[`"'][A-Z]/g)).toEqual([]);
  });
});

describe("error keys in zod messages", () => {
  it("carries its own values and the issue's bound into the message", () => {
    const schema = z.object({ count: z.number().max(8, errorKey("meeting.repeatEvery", { min: 1, max: 8 })), body: z.string().max(3, errorKey("reply.tooLong")) });
    const issues = schema.safeParse({ count: 9, body: "abcd" }).error?.issues ?? [];
    expect(issues.map((issue) => issueText(issue))).toEqual([
      { key: "meeting.repeatEvery", values: { min: 1, max: 8, maximum: 8 } },
      { key: "reply.tooLong", values: { maximum: 3 } },
    ]);
    expect(issues.map((issue) => errorWords(issueText(issue), "es"))).toEqual(["Repite cada 1 a 8 semanas.", "Una respuesta puede tener como máximo 3 caracteres."]);
  });

  it("turns zod's own English into the generic refusal rather than let it through", () => {
    const issue = z.object({ id: z.uuid() }).safeParse({ id: "x" }).error?.issues[0];
    expect(issue && issueText(issue)).toEqual({ key: "request.notUnderstood" });
  });

  it("names the failing fields in any language", () => {
    const schema = z.object({ body: z.string().min(1, errorKey("reply.empty")) });
    try {
      parseInput(schema, { body: "" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(fieldWords((error as AppError).fields, "es")).toEqual({ body: "Escribe algo antes de publicar." });
    }
  });
});

describe("a room's reach in a refusal", () => {
  const shape = { chapters: 20, parts: [{ title: "Part One", first: 1, last: 9 }, { title: "Part Two", first: 10, last: 20 }] };
  it.each([
    [endPoint, null, "This room goes up to the ending, past where you are. Open it from its page and choose to see it first.", "Esta sala llega hasta el final, más allá de donde vas. Ábrela desde su página y elige verla primero."],
    [{ kind: "chapter", chapter: 9 } as const, shape, "This room goes up to the end of Part One, past where you are. Open it from its page and choose to see it first.", "Esta sala llega hasta el final de «Part One», más allá de donde vas. Ábrela desde su página y elige verla primero."],
    [{ kind: "chapter", chapter: 12 } as const, shape, "This room goes up to Part Two, chapter 12, past where you are. Open it from its page and choose to see it first.", "Esta sala llega hasta Part Two, capítulo 12, más allá de donde vas. Ábrela desde su página y elige verla primero."],
    [{ kind: "chapter", chapter: 12 } as const, null, "This room goes up to chapter 12, past where you are. Open it from its page and choose to see it first.", "Esta sala llega hasta el capítulo 12, más allá de donde vas. Ábrela desde su página y elige verla primero."],
  ])("names %j in each language", (point, bookShape, english, spanish) => {
    const text = errorText("room.veiled", { reach: reachText(point, bookShape) });
    expect([errorWords(text, "en"), errorWords(text, "es")]).toEqual([english, spanish]);
  });
});

describe("AppError", () => {
  it("keeps English words as its own message, for logs, while a reader gets their language", () => {
    const error = notFound("meeting");
    expect(error.message).toBe("This meeting could not be found.");
    expect(errorWords(error.text, "es")).toBe("No hemos encontrado esta reunión.");
  });

  it("translates a value that is itself a message (a rate limit's wait) with plurals in each language", () => {
    const text = (count: number) => errorText("limits.replyPost", { wait: errorText("limits.wait.seconds", { count }) });
    expect(errorWords(text(1), "es")).toBe("Estás publicando respuestas más rápido de lo que permite Chapterhouse. Espera 1 segundo y vuelve a publicar.");
    expect(errorWords(text(40), "es")).toBe("Estás publicando respuestas más rápido de lo que permite Chapterhouse. Espera 40 segundos y vuelve a publicar.");
    expect(errorWords(text(40), "en")).toBe("You're posting replies faster than Chapterhouse allows. Please wait 40 seconds and post again.");
  });
});
