import { createClubWithOwner, listUserClubs } from "@/db/queries/clubs";
import { createClubInput } from "@/lib/validation/clubs";
import { parseInput } from "@/lib/validation/parse";

/** Anyone signed in may start a club; they become its owner in the same transaction. */
export async function createClub(input: { userId: string; body: unknown }): Promise<{ clubId: string }> {
  const data = parseInput(createClubInput, input.body);
  const club = await createClubWithOwner({ name: data.name, description: data.description, ownerId: input.userId });
  return { clubId: club.id };
}

/** The signed-in user's own clubs, for the home page: only rows they are a member of. */
export function listMyClubs(input: { userId: string }) {
  return listUserClubs({ userId: input.userId });
}
