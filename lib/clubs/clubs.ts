import "server-only";
import { createClubWithOwner, getClubName, listUserClubs } from "@/db/queries/clubs";
import { ensure, resolveClub, resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { clubLanguageInput, clubParams, createClubInput } from "@/lib/validation/clubs";
import { can } from "@/lib/permissions";
import { setClubLanguage } from "@/db/queries/search";
import { searchConfigOf } from "@/lib/search/language";
import { defaultLocale } from "@/lib/i18n/locales";
import { errorText } from "@/lib/i18n/error-text";

// Starting a club, the list of your own, and the frame every page of one club shares.

/**
 * Anyone signed in may start a club; they become its owner in the same transaction. The club's
 * language (its search's, docs/decisions/0026-search.md) is the form's choice; the action fills
 * in the creator's own language when the form sends none.
 */
export const createClub = door({
  params: noParams,
  what: "club",
  resolve: resolveSelf,
  body: createClubInput,
  act: async ({ body, userId }) => {
    const club = await createClubWithOwner({ name: body.name, description: body.description, language: body.language ?? defaultLocale, ownerId: userId });
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

/**
 * The owner changes the club's language: its replies are reindexed for search in the same
 * transaction (db/queries/search.ts setClubLanguage). Members are told plainly they can't;
 * strangers get not-found. Out: the language and how many replies were reindexed.
 */
export const changeClubLanguage = door({
  params: clubParams,
  what: "club",
  resolve: async ({ params, userId }) => {
    const club = await resolveClub({ clubId: params.clubId, userId });
    ensure(can(club.role, "club:edit"), errorText("search.refuseLanguage"));
    return club;
  },
  body: clubLanguageInput,
  act: async ({ params, body }) => {
    const changed = await setClubLanguage({ clubId: params.clubId, language: body.language, config: searchConfigOf(body.language) });
    if (!changed) throw notFound("club");
    return done({ language: body.language, reindexed: changed.reindexed });
  },
});
