import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { changePassword, loadProfile, renameUser } from "@/lib/accounts/profile";
import { createTestUser } from "./factories";

async function storedUser(userId: string) {
  const [row] = await getDb().select({ name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error("user missing");
  return row;
}

async function userWithPassword(password: string) {
  const user = await createTestUser("Reader");
  await getDb()
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  return user;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("display name", () => {
  it("changes to the trimmed new name", async () => {
    const user = await createTestUser("Reader");
    expect(await renameUser({ userId: user.id, body: { name: "  Kathy H. " } })).toEqual({ name: "Kathy H." });
    expect((await storedUser(user.id)).name).toBe("Kathy H.");
    expect((await loadProfile({ userId: user.id })).name).toBe("Kathy H.");
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["over 80 characters", "n".repeat(81)],
  ])("refuses a name that is %s and keeps the old one", async (_label, name) => {
    const user = await createTestUser("Reader");
    const error = await caught(renameUser({ userId: user.id, body: { name } }));
    expect(error.code).toBe("bad_request");
    expect(error.fields?.name).toBeTruthy();
    expect((await storedUser(user.id)).name).toBe(user.name);
  });
});

describe("password", () => {
  it("refuses a change when the current password is wrong, leaving the hash as it was", async () => {
    const user = await userWithPassword("old-password-1");
    const before = (await storedUser(user.id)).passwordHash;

    const error = await caught(
      changePassword({ userId: user.id, body: { currentPassword: "not-it-at-all", newPassword: "brand-new-pass", confirmPassword: "brand-new-pass" } }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.fields?.currentPassword).toBeTruthy();
    expect((await storedUser(user.id)).passwordHash).toBe(before);
  });

  it("refuses a change without the current password when the account has one", async () => {
    const user = await userWithPassword("old-password-1");
    const before = (await storedUser(user.id)).passwordHash;
    const error = await caught(changePassword({ userId: user.id, body: { newPassword: "brand-new-pass", confirmPassword: "brand-new-pass" } }));
    expect(error.fields?.currentPassword).toBeTruthy();
    expect((await storedUser(user.id)).passwordHash).toBe(before);
  });

  it("changes it when the current password is right: the new one verifies and the old one no longer does", async () => {
    const user = await userWithPassword("old-password-1");
    await changePassword({ userId: user.id, body: { currentPassword: "old-password-1", newPassword: "brand-new-pass", confirmPassword: "brand-new-pass" } });
    const hash = (await storedUser(user.id)).passwordHash!;
    expect(await verifyPassword("brand-new-pass", hash)).toBe(true);
    expect(await verifyPassword("old-password-1", hash)).toBe(false);
  });

  it.each([
    ["shorter than 8 characters", { newPassword: "short", confirmPassword: "short" }, "newPassword"],
    ["longer than 200 characters", { newPassword: "p".repeat(201), confirmPassword: "p".repeat(201) }, "newPassword"],
    ["typed differently the second time", { newPassword: "brand-new-pass", confirmPassword: "brand-new-pas" }, "confirmPassword"],
  ])("refuses a new password %s and keeps the old one", async (_label, body, field) => {
    const user = await userWithPassword("old-password-1");
    const before = (await storedUser(user.id)).passwordHash;
    const error = await caught(changePassword({ userId: user.id, body: { currentPassword: "old-password-1", ...body } }));
    expect(error.fields?.[field]).toBeTruthy();
    expect((await storedUser(user.id)).passwordHash).toBe(before);
  });

  it("lets an account without a password (OAuth only) set one without a current password", async () => {
    const user = await createTestUser("Oauth");
    expect((await loadProfile({ userId: user.id })).hasPassword).toBe(false);
    expect(await changePassword({ userId: user.id, body: { newPassword: "first-password", confirmPassword: "first-password" } })).toEqual({
      hadPassword: false,
      // Setting a password ends the sessions from before it, as changing one does.
      sessionVersion: 1,
    });
    expect(await verifyPassword("first-password", (await storedUser(user.id)).passwordHash!)).toBe(true);
    expect((await loadProfile({ userId: user.id })).hasPassword).toBe(true);
  });
});
