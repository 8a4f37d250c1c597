import { describe, expect, it } from "vitest";
import { fieldErrorOf, summaryRepeatsFields } from "@/components/ui/form-errors";
import type { WireError } from "@/lib/doors/outcome";

const invalid = (fields: Record<string, string>): WireError => ({ code: "bad_request", message: Object.values(fields)[0] ?? "", fields });

describe("fieldErrorOf", () => {
  it("finds an input's own message", () => {
    expect(fieldErrorOf(invalid({ title: "Give the meeting a title." }), "title")).toBe("Give the meeting a title.");
  });

  it("finds a message nested under the input (one item of a list)", () => {
    expect(fieldErrorOf(invalid({ "agenda.2": "One of the agenda questions could not be found." }), "agenda")).toBe(
      "One of the agenda questions could not be found.",
    );
  });

  it("does not take a field whose name only starts the same", () => {
    expect(fieldErrorOf(invalid({ titles: "x" }), "title")).toBeUndefined();
  });

  it("has nothing for an error without fields, or no error", () => {
    expect(fieldErrorOf({ code: "conflict", message: "Taken." }, "name")).toBeUndefined();
    expect(fieldErrorOf(null, "name")).toBeUndefined();
  });
});

describe("summaryRepeatsFields", () => {
  it("leaves a refused input's message to the fields the form shows", () => {
    expect(summaryRepeatsFields(invalid({ name: "Enter the name other members will see." }), ["name"])).toBe(true);
  });

  it("counts nested fields as shown by their input", () => {
    expect(summaryRepeatsFields(invalid({ "repeat.count": "A series has 2 to 12 meetings." }), ["repeat"])).toBe(true);
  });

  it("shows the summary when a named field has no place in the form", () => {
    expect(summaryRepeatsFields(invalid({ name: "a", input: "b" }), ["name"])).toBe(false);
  });

  it("shows the summary of any refusal other than a malformed input, fields or not", () => {
    const taken: WireError = { code: "conflict", message: "An account with this email already exists. Sign in instead.", fields: { email: "Taken." } };
    expect(summaryRepeatsFields(taken, ["email"])).toBe(false);
    expect(summaryRepeatsFields({ code: "offline", message: "We couldn't reach Chapterhouse." }, ["email"])).toBe(false);
  });

  it("shows the summary when the form names no fields", () => {
    expect(summaryRepeatsFields(invalid({ title: "x" }), [])).toBe(false);
    expect(summaryRepeatsFields({ code: "bad_request", message: "x", fields: {} }, ["title"])).toBe(false);
  });
});
