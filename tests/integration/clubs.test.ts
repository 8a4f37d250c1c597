import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { createClub } from "@/lib/clubs/clubs";
import { loadClubOverview } from "@/lib/books/books";
import { AppError } from "@/lib/errors";
import { createTestUser } from "./factories";

async function clubsOwnedBy(userId: string) {
  return getDb()
    .select({ id: clubs.id, name: clubs.name, role: clubMembers.role })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(eq(clubMembers.userId, userId));
}

describe("creating a club", () => {
  it("makes the creator its owner, with the trimmed name and description", async () => {
    const creator = await createTestUser("Founder");
    const { clubId } = await createClub({ userId: creator.id, body: { name: "  Tuesday Readers ", description: " Slow books. " } });

    const [club] = await getDb().select().from(clubs).where(eq(clubs.id, clubId));
    expect(club).toMatchObject({ name: "Tuesday Readers", description: "Slow books.", currentBookId: null });
    const members = await getDb().select().from(clubMembers).where(eq(clubMembers.clubId, clubId));
    expect(members).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);
    expect((await loadClubOverview({ clubId, userId: creator.id })).role).toBe("owner");
  });

  it("accepts a club without a description", async () => {
    const creator = await createTestUser("Founder");
    const { clubId } = await createClub({ userId: creator.id, body: { name: "No Blurb" } });
    const [club] = await getDb().select({ description: clubs.description }).from(clubs).where(eq(clubs.id, clubId));
    expect(club?.description).toBe("");
  });

  it.each([
    ["an empty name", { name: "" }, "name"],
    ["a name of only spaces", { name: "    " }, "name"],
    ["a name over 80 characters", { name: "x".repeat(81) }, "name"],
    ["a missing name", {}, "name"],
    ["a description over 500 characters", { name: "Fine", description: "y".repeat(501) }, "description"],
  ])("refuses %s and writes nothing", async (_label, body, field) => {
    const creator = await createTestUser("Founder");
    const error = await createClub({ userId: creator.id, body }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
    expect((error as AppError).fields?.[field]).toBeTruthy();
    expect(await clubsOwnedBy(creator.id)).toEqual([]);
  });
});
