import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import { hashPassword } from "@/lib/accounts/passwords";
import { changePassword, renameUser } from "@/lib/accounts/profile";
import { signUp } from "@/lib/accounts/sign-up";
import { createClub } from "@/lib/clubs/clubs";
import { loadRosterPage } from "@/lib/clubs/members";
import { postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { displayNameKey } from "@/lib/validation/display-name";
import { AppError } from "@/lib/errors";
import { countRoomReplies, createTestClub, createTestUser, replyInput } from "./factories";
import { fieldWords } from "@/tests/error-words";

// Issue 8, "Text that reaches people" and "Accounts", through the doors on a real database.

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("control characters in text", () => {
  it('refuses "a\\u0000b" as a reply body with a 400 naming the field (it was a 500), and stores nothing', async () => {
    const author = await createTestUser("Author");
    const club = await createTestClub({ members: [{ userId: author.id, role: "member" }] });
    const roomId = club.roomIds[0]!;
    for (const body of ["a\u0000b", "\u0000", "a\u001bb", "a\u0085b"]) {
      const error = await caught(postReply({ roomId, userId: author.id, body: replyInput(body) }));
      expect(error.code).toBe("bad_request");
      expect(fieldWords(error.fields)).toEqual({ body: "The reply contains a control character that can't be stored. Remove it and try again." });
    }
    expect(await countRoomReplies(roomId)).toBe(0);
    // Tab and line breaks are text in a reply.
    await postReply({ roomId, userId: author.id, body: replyInput("one\ttwo\nthree") });
    expect(await countRoomReplies(roomId)).toBe(1);
  });

  it("refuses a NUL in a club's name and description", async () => {
    const owner = await createTestUser("Owner");
    const error = await caught(createClub({ userId: owner.id, body: { name: "Book\u0000club", description: "x\u0000" } }));
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["description", "name"]);
  });
});

describe("display names", () => {
  it.each([
    ["\u200B", "Your name needs at least one visible letter, number or symbol."],
    ["\u2060\uFEFF", "Your name needs at least one visible letter, number or symbol."],
    ["\u202Eyhtak", "Your name can't contain characters that reverse or reorder the text around them."],
  ])("refuses %j on rename and keeps the old name", async (name, message) => {
    const user = await createTestUser("Kathy");
    const error = await caught(renameUser({ userId: user.id, body: { name } }));
    expect(fieldWords(error.fields)).toEqual({ name: message });
    const [row] = await getDb().select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe(user.name);
  });

  it("refuses them at sign-up too, and stores a name NFC-normalized", async () => {
    const email = `kathy-${randomUUID().slice(0, 8)}@example.test`;
    expect((await caught(signUp({ email, name: "\u200B", password: "a long passphrase" }))).fields).toHaveProperty("name");
    expect((await caught(signUp({ email, name: "\u202Eyhtak", password: "a long passphrase" }))).fields).toHaveProperty("name");
    const user = await signUp({ email, name: "Rene\u0301e", password: "a long passphrase" });
    expect(user.name).toBe("Ren\u00e9e");
  });
});

describe("passwords", () => {
  it.each(["password", "password1", "12345678", "iloveyou", "P@ssw0rd", "qwertyuiop", "letmein1", "sunshine1"])(
    "refuses the commonly breached %j at sign-up",
    async (password) => {
      const email = `reader-${randomUUID().slice(0, 8)}@example.test`;
      const error = await caught(signUp({ email, name: "Reader", password }));
      expect(error.code).toBe("bad_request");
      expect(fieldWords(error.fields).password).toMatch(/most common/);
      expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
    },
  );

  it("refuses a password made of the person's own email at sign-up", async () => {
    const local = "hailshamreader1990";
    const error = await caught(signUp({ email: `${local}+${randomUUID().slice(0, 8)}@example.test`, name: "Margaret", password: local }));
    expect(fieldWords(error.fields).password).toMatch(/most common/);
  });

  it("refuses a breached password as the new one, after checking the current one", async () => {
    const user = await createTestUser("Changer");
    await getDb().update(users).set({ passwordHash: await hashPassword("old-password-1") }).where(eq(users.id, user.id));
    const error = await caught(changePassword({ userId: user.id, body: { currentPassword: "old-password-1", newPassword: "password1", confirmPassword: "password1" } }));
    expect(error.fields).toHaveProperty("newPassword");
    const wrong = await caught(changePassword({ userId: user.id, body: { currentPassword: "nope-nope-nope", newPassword: "password1", confirmPassword: "password1" } }));
    expect(wrong.fields).toHaveProperty("currentPassword");
  });
});

describe("look-alike names in one club", () => {
  it("are told apart in replies and on the roster", async () => {
    const kathy = await createTestUser("Kathy");
    const lookAlike = await createTestUser("Other");
    const club = await createTestClub({ members: [{ userId: kathy.id, role: "member" }, { userId: lookAlike.id, role: "member" }] });
    await renameUser({ userId: kathy.id, body: { name: "Kathy" } });
    await renameUser({ userId: lookAlike.id, body: { name: "ka\u200Bthy" } });
    const roomId = club.roomIds[0]!;
    await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    await postReply({ roomId, userId: lookAlike.id, body: replyInput("Also mine") });

    const page = await loadRoomPage({ roomId, userId: kathy.id, body: {} });
    const shown = page.replies.map((reply) => reply.author.name ?? "");
    expect(shown).toHaveLength(2);
    expect(displayNameKey(shown[0]!)).not.toBe(displayNameKey(shown[1]!));
    expect(shown.filter((name) => name.endsWith(" (2)"))).toHaveLength(1);

    const roster = await loadRosterPage({ clubId: club.clubId, userId: kathy.id });
    const rosterNames = roster.members.map((member) => member.name).sort();
    expect(rosterNames).toEqual([...shown].sort());
  });
});
