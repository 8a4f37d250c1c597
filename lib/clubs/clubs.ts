import "server-only";
import { createClubWithOwner, getClubName, listUserClubs } from "@/db/queries/clubs";
import { resolveClub, resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { clubParams, createClubInput } from "@/lib/validation/clubs";

// Starting a club, the list of your own, and the frame every page of one club shares.

/** Anyone signed in may start a club; they become its owner in the same transaction. */
export const createClub = door({
  params: noParams,
  what: "club",
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
  what: "clubs",
  resolve: resolveSelf,
  act: async ({ userId }) => done(await listUserClubs({ userId })),
});

/**
 * What every page of a club shows around its content (the club's name and the sections the
 * caller may open), resolved once per request by app/clubs/[clubId]/layout.tsx. Strangers get
 * not-found, as from every door of a club.
 */
export const loadClubFrame = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target }) => {
    const club = await getClubName({ clubId: params.clubId });
    if (!club) throw notFound("club");
    return done({ club, role: target.role });
  },
});
