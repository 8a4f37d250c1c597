import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { clubs } from "@/db/schema/clubs";
import { loadClubFrame, loadClubSettings, updateClubDetails } from "@/lib/clubs/clubs";
import { AppError } from "@/lib/errors";
import { errorWords } from "@/lib/i18n/error-words";
import { createTestClub, createTestUser } from "./factories";

// The owner's settings page (app/clubs/[clubId]/settings): the club's name and description,
// edited under the rules it was created with, by the owner alone.

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

async function setting() {
  const [owner, moderator, member, stranger] = await Promise.all([
    createTestUser("Emily"),
    createTestUser("Ruth"),
    createTestUser("Kathy"),
    createTestUser("Stranger"),
  ]);
  const { clubId } = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
    ],
  });
  await getDb().update(clubs).set({ name: "The Hailsham Circle", description: "We read slowly." }).where(eq(clubs.id, clubId));
  return { clubId, owner, moderator, member, stranger };
}

async function stored(clubId: string) {
  const [row] = await getDb().select({ name: clubs.name, description: clubs.description }).from(clubs).where(eq(clubs.id, clubId));
  return row;
}

describe("the club's name and description", () => {
  it("the owner renames the club and rewrites its description, trimmed, and the club's frame reads the new name", async () => {
    const s = await setting();
    const saved = await updateClubDetails({ clubId: s.clubId, userId: s.owner.id, body: { name: "  The Cottages  ", description: " Tuesdays at eight.\nBring tea. " } });
    expect(saved).toEqual({ name: "The Cottages", description: "Tuesdays at eight.\nBring tea." });
    expect(await stored(s.clubId)).toEqual(saved);
    // Every page of the club takes its name from the frame the layout loads.
    expect((await loadClubFrame({ clubId: s.clubId, userId: s.member.id })).club.name).toBe("The Cottages");
    expect((await loadClubSettings({ clubId: s.clubId, userId: s.owner.id })).settings).toEqual({ name: "The Cottages", description: "Tuesdays at eight.\nBring tea.", language: "en" });
  });

  it("the owner may clear the description", async () => {
    const s = await setting();
    await updateClubDetails({ clubId: s.clubId, userId: s.owner.id, body: { name: "The Hailsham Circle", description: "   " } });
    expect(await stored(s.clubId)).toEqual({ name: "The Hailsham Circle", description: "" });
  });

  it("a moderator and a member are told plainly that only the owner can, a stranger finds no club, and nothing changes", async () => {
    const s = await setting();
    const before = await stored(s.clubId);
    for (const person of [s.moderator, s.member]) {
      const refused = await failure(updateClubDetails({ clubId: s.clubId, userId: person.id, body: { name: "Taken over", description: "" } }));
      expect(refused.code).toBe("forbidden");
      expect(refused.text.key).toBe("club.refuseEdit");
      expect(errorWords(refused.text, "en")).toBe("Only the club's owner can change its settings.");
      expect(errorWords(refused.text, "es")).toBe("Solo el propietario del club puede cambiar sus ajustes.");
    }
    const hidden = await failure(updateClubDetails({ clubId: s.clubId, userId: s.stranger.id, body: { name: "Taken over", description: "" } }));
    expect(hidden.code).toBe("not_found");
    // A stranger's malformed payload reads as not found too: the club is resolved first.
    expect((await failure(updateClubDetails({ clubId: s.clubId, userId: s.stranger.id, body: { name: "" } }))).code).toBe("not_found");
    expect(await stored(s.clubId)).toEqual(before);
  });

  it.each([
    ["an empty name", { name: "", description: "" }, "name", "club.nameMissing"],
    ["a name of only spaces", { name: "    ", description: "" }, "name", "club.nameMissing"],
    ["a missing name", { description: "Still here." }, "name", "club.nameMissing"],
    ["a name over 80 characters", { name: "x".repeat(81), description: "" }, "name", "club.nameTooLong"],
    ["a name with a control character", { name: "The\u0007Circle", description: "" }, "name", "text.oneLine"],
    ["a name on two lines", { name: "The\nCircle", description: "" }, "name", "text.oneLine"],
    ["a description over 500 characters", { name: "Fine", description: "y".repeat(501) }, "description", "club.descriptionTooLong"],
    ["a description with a NUL", { name: "Fine", description: "Tea\u0000time" }, "description", "text.controlCharacter"],
  ])("refuses %s, naming the field, and changes nothing", async (_label, body, field, key) => {
    const s = await setting();
    const before = await stored(s.clubId);
    const refused = await failure(updateClubDetails({ clubId: s.clubId, userId: s.owner.id, body }));
    expect(refused.code).toBe("bad_request");
    expect(refused.fields?.[field]?.key).toBe(key);
    // Said in both languages.
    expect(errorWords(refused.fields![field]!, "es")).not.toBe(errorWords(refused.fields![field]!, "en"));
    expect(await stored(s.clubId)).toEqual(before);
  });

  it("accepts a name of exactly 80 characters and a description of exactly 500", async () => {
    const s = await setting();
    await updateClubDetails({ clubId: s.clubId, userId: s.owner.id, body: { name: "n".repeat(80), description: "d".repeat(500) } });
    expect(await stored(s.clubId)).toEqual({ name: "n".repeat(80), description: "d".repeat(500) });
  });
});

describe("the settings page's data", () => {
  it("gives the owner the settings, a moderator or member none, and a stranger not-found", async () => {
    const s = await setting();
    const owner = await loadClubSettings({ clubId: s.clubId, userId: s.owner.id });
    expect(owner).toMatchObject({ role: "owner", club: { id: s.clubId, name: "The Hailsham Circle" }, settings: { name: "The Hailsham Circle", description: "We read slowly.", language: "en" } });
    for (const person of [s.moderator, s.member]) {
      expect((await loadClubSettings({ clubId: s.clubId, userId: person.id })).settings).toBeNull();
    }
    expect((await failure(loadClubSettings({ clubId: s.clubId, userId: s.stranger.id }))).code).toBe("not_found");
  });
});
