import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { signUpInput } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { postReplyInput, repliesAfterQuery } from "@/lib/validation/replies";
import { fieldWords } from "@/tests/error-words";

describe("postReplyInput", () => {
  it("trims the body and defaults the parent to the question", () => {
    const key = randomUUID();
    expect(postReplyInput.parse({ body: "  Hello there \n", idempotencyKey: key })).toEqual({
      body: "Hello there",
      parentId: null,
      idempotencyKey: key,
    });
  });

  it("counts the limit after trimming", () => {
    const result = postReplyInput.safeParse({ body: `  ${"a".repeat(10_000)}  `, idempotencyKey: randomUUID() });
    expect(result.success).toBe(true);
  });

  it.each([
    ["an empty body", { body: "", idempotencyKey: randomUUID() }, "Write something before posting."],
    ["a body that is too long", { body: "a".repeat(10_001), idempotencyKey: randomUUID() }, "A reply can be at most 10,000 characters."],
    ["a malformed idempotency key", { body: "hi", idempotencyKey: "123" }, "The request is missing a valid idempotency key."],
    ["a parent that is not an id", { body: "hi", idempotencyKey: randomUUID(), parentId: "x" }, "That reply could not be found."],
  ])("explains %s in words a person understands", (_label, input, message) => {
    expect(() => parseInput(postReplyInput, input)).toThrowError(AppError);
    expect(() => parseInput(postReplyInput, input)).toThrowError(message);
  });

  it("names the failing field for forms", () => {
    try {
      parseInput(postReplyInput, { body: "", idempotencyKey: randomUUID() });
      expect.unreachable();
    } catch (error) {
      expect(fieldWords((error as AppError).fields)).toEqual({ body: "Write something before posting." });
    }
  });
});

describe("repliesAfterQuery", () => {
  it("reads a sequence number from a query string and defaults to zero", () => {
    expect(repliesAfterQuery.parse({ after: "12" })).toEqual({ after: 12, cursor: null, limit: 200 });
    expect(repliesAfterQuery.parse({})).toEqual({ after: 0, cursor: null, limit: 200 });
  });

  it("refuses fractions and negatives", () => {
    expect(repliesAfterQuery.safeParse({ after: "1.5" }).success).toBe(false);
    expect(repliesAfterQuery.safeParse({ after: "-3" }).success).toBe(false);
    expect(repliesAfterQuery.safeParse({ after: "abc" }).success).toBe(false);
  });
});

describe("signUpInput", () => {
  it("lower-cases and trims the email and trims the name", () => {
    expect(signUpInput.parse({ email: " Kathy@Example.COM ", name: " Kathy H ", password: "long enough" })).toEqual({
      email: "kathy@example.com",
      name: "Kathy H",
      password: "long enough",
    });
  });

  it.each([
    [{ email: "nope", name: "A", password: "long enough" }, "email"],
    [{ email: "a@b.co", name: "  ", password: "long enough" }, "name"],
    [{ email: "a@b.co", name: "A", password: "short" }, "password"],
  ])("rejects %j on the %s field", (input, field) => {
    const result = signUpInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
