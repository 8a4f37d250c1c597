import "server-only";
import { createClubWithOwner, getClubName, getClubSettings, listUserClubs, updateClubDetails as writeClubDetails } from "@/db/queries/clubs";
import { ensure, resolveClub, resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { clubDetailsInput, clubLanguageInput, clubParams, createClubInput } from "@/lib/validation/clubs";
import { can } from "@/lib/permissions";
import { setClubLanguage } from "@/db/queries/search";
import { searchConfigOf } from "@/lib/search/language";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { errorText } from "@/lib/i18n/error-text";

// Starting a club, the list of your own, the frame every page of one club shares, and the
// owner's settings (its name, description and language).

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
 * The settings page's data. Every member may open the address; only the owner (`club:edit`) gets
 * the settings, anyone else `settings: null` and the page says who runs them, as the invites page
 * does for members. Strangers get not-found. Out: the club's id and name, the caller's role, and
 * for the owner `{ name, description, language }`.
 */
export const loadClubSettings = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target }) => {
    const club = await getClubSettings({ clubId: params.clubId });
    if (!club) throw notFound("club");
    const settings = can(target.role, "club:edit")
      ? { name: club.name, description: club.description, language: isLocale(club.language) ? club.language : defaultLocale }
      : null;
    return done({ club: { id: club.id, name: club.name }, role: target.role, settings });
  },
});

/** Only the owner edits the club's settings; members and moderators are told so plainly, strangers get not-found. */
async function resolveClubEditor({ params, userId }: { params: { clubId: string }; userId: string }) {
  const club = await resolveClub({ clubId: params.clubId, userId });
  ensure(can(club.role, "club:edit"), errorText("club.refuseEdit"));
  return club;
}

/**
 * The owner renames the club and rewrites its description, under the rules the club was created
 * with (lib/validation/clubs.ts: one line of at most 80 characters for the name, never blank; at
 * most 500 for the description; no control characters). Out: the stored name and description.
 */
export const updateClubDetails = door({
  params: clubParams,
  what: "club",
  resolve: resolveClubEditor,
  body: clubDetailsInput,
  act: async ({ params, body }) => {
    const club = await writeClubDetails({ clubId: params.clubId, name: body.name, description: body.description });
    if (!club) throw notFound("club");
    return done({ name: club.name, description: club.description });
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
