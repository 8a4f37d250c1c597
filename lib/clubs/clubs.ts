import { createClubWithOwner, listUserClubs } from "@/db/queries/clubs";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { createClubInput } from "@/lib/validation/clubs";

// Doors that name no club: starting one, and the list of your own.

/** Anyone signed in may start a club; they become its owner in the same transaction. */
export const createClub = door({
  params: noParams,
  what: "This club",
  resolve: resolveSelf,
  body: createClubInput,
  act: async ({ body, userId }) => {
    const club = await createClubWithOwner({ name: body.name, description: body.description, ownerId: userId });
    return done({ clubId: club.id });
  },
});

/** The signed-in user's own clubs, for the home page: only rows they are a member of. */
export const listMyClubs = door({
  params: noParams,
  what: "Your clubs",
  resolve: resolveSelf,
  act: async ({ userId }) => done(await listUserClubs({ userId })),
});
