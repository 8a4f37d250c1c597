import "server-only";
import { eraseAccount, getAccountForDeletion, listOwnedClubs, type OwnedClub, type Unmention } from "@/db/queries/account-deletion";
import { resolveSelf } from "@/lib/access";
import { withoutMentionsOf, writtenMentions } from "@/lib/accounts/former-mentions";
import { verifyPassword } from "@/lib/accounts/passwords";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { limitSignIn } from "@/lib/doors/sign-in-limit";
import { AppError, notFound } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { notificationSentence } from "@/lib/notifications/sentence";
import { deleteAccountInput, type DeleteAccountValues } from "@/lib/validation/account-deletion";

// Deleting your own account (issue 13; docs/decisions/0028-account-deletion.md). The replies
// stay, signed "A former member" (db/queries/former-members.ts); the person's data goes
// (db/queries/account-deletion.ts eraseAccount says what exactly).

/** What the profile page shows before asking: the clubs to hand over first, and those that would go with the account. */
export type AccountDeletionView = {
  /** Clubs the caller owns that have other members: the account can't be deleted until each is handed over. */
  handOver: { id: string; name: string }[];
  /** Clubs the caller owns alone: deleted with the account, once they confirm it. */
  onlyMember: { id: string; name: string }[];
  /** False for an account made through OAuth: it confirms by typing its email instead. */
  hasPassword: boolean;
};

const named = (clubs: OwnedClub[]) => clubs.map(({ id, name }) => ({ id, name }));

/** The caller's clubs as deleting their account sees them (AccountDeletionView). */
export const loadAccountDeletion = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const account = await getAccountForDeletion({ userId });
    if (!account) throw notFound("account");
    const owned = await listOwnedClubs({ userId });
    return done<AccountDeletionView>({
      handOver: named(owned.filter((club) => club.otherMembers > 0)),
      onlyMember: named(owned.filter((club) => club.otherMembers === 0)),
      hasPassword: account.passwordHash !== null,
    });
  },
});

/** Club names as an error lists them: quoted, comma-separated (the names are the members' own words, untranslated). */
function clubList(clubs: OwnedClub[]): string {
  return clubs.map((club) => `“${club.name}”`).join(", ");
}

/**
 * What writes the person's @mentions out of stored text (db/queries/account-deletion.ts
 * Unmention): "@" + `common.formerMember` in the club's language, by the chips of the reply's
 * versions (lib/accounts/former-mentions.ts).
 */
function unmentionOf(userId: string): Unmention {
  return (text, { format, language, mentionsIn }) => {
    if (!mentionsIn.some((html) => html.includes(userId))) return text;
    const locale = isLocale(language) ? language : defaultLocale;
    const replacement = translatorFor(locale, "common")("formerMember");
    return withoutMentionsOf(text, { userId, format, replacement, mentions: mentionsIn.flatMap(writtenMentions) });
  };
}

/** A reply or mention notification's stored English title, its actor a former member (as lib/notifications/replies.ts stores titles). */
function formerMemberTitle(key: "reply" | "mention", position: number): string {
  const sentence = { key, actors: [{ former: true as const }], times: 1, position };
  return notificationSentence({ sentence, body: { key: "stored", text: "" } }, translatorFor("en", "email"), { locale: "en" }).text;
}

/**
 * A sign-in limit's refusal told as deleting's: the limits are shared with signing in (on
 * purpose), but "failed attempts to sign in" would puzzle someone deleting their account. The
 * wait and Retry-After stay the limit's. Anything else is thrown as it is.
 */
function inDeletionWords(error: unknown): never {
  if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
  const wait = error.text.values?.wait;
  throw new AppError("rate_limited", errorText("account.tooManyAttempts", { wait: wait ?? "" }), undefined, { retryAfter: error.retryAfter });
}

const deletionDoor = (address: string) =>
  door({
    params: noParams,
    what: "account",
    resolve: resolveSelf,
    body: deleteAccountInput,
    act: async ({ userId, body }) => {
      const account = await getAccountForDeletion({ userId });
      if (!account) throw notFound("account");
      const byPassword = account.passwordHash !== null;
      const secret = byPassword ? body.password : body.email.trim();
      if (secret === "") {
        throw byPassword
          ? new AppError("bad_request", errorText("account.passwordMissing"), { password: errorText("account.passwordMissingField") })
          : new AppError("bad_request", errorText("account.emailMissing"), { email: errorText("account.wrongEmailField") });
      }
      // Checked like a sign-in, under the same counts (lib/doors/sign-in-limit.ts): a stolen
      // session cookie can't guess its way to deleting the account.
      const proven = await limitSignIn({ email: account.email, address }, async () => {
        const right = account.passwordHash !== null ? await verifyPassword(secret, account.passwordHash) : secret.toLowerCase() === account.email.toLowerCase();
        return right ? true : null;
      }).catch(inDeletionWords);
      if (!proven) {
        throw byPassword
          ? new AppError("bad_request", errorText("account.wrongPassword"), { password: errorText("account.wrongPasswordField") })
          : new AppError("bad_request", errorText("account.wrongEmail"), { email: errorText("account.wrongEmailField") });
      }

      const result = await eraseAccount({ userId, deleteClubIds: body.deleteClubIds, unmention: unmentionOf(userId), retitle: formerMemberTitle });
      switch (result.status) {
        case "gone":
          // Deleted meanwhile (another tab was quicker).
          throw new AppError("not_found", errorText("account.deleted"));
        case "owns_clubs":
          throw new AppError("conflict", errorText("account.ownsClubs", { count: result.clubs.length, clubs: clubList(result.clubs) }));
        case "sole_clubs_unconfirmed":
          throw new AppError("conflict", errorText("account.soleClubsUnconfirmed", { count: result.clubs.length, clubs: clubList(result.clubs) }));
        case "erased":
          // Every session ends: this one too, and the account's open sockets close.
          return done({ deletedClubs: result.deletedClubIds.length }, { type: "sessions:ended", userId, versionBelow: result.sessionVersion });
      }
    },
  });

/**
 * Deletes the caller's account. In: their user id, the address the request came from (for the
 * sign-in limits) and the form's values (DeleteAccountValues). Out: how many sole-member clubs
 * went with it. Raises bad_request for a missing or wrong password (or email, for an account
 * without a password), rate_limited under the sign-in limits, conflict while they own a club
 * with other members (naming the clubs) or own clubs alone that they did not agree to delete,
 * and not_found when the account is already gone. A refusal changes nothing.
 */
export function deleteAccount(input: { userId: string; address: string; body: DeleteAccountValues }): Promise<{ deletedClubs: number }> {
  return deletionDoor(input.address)({ userId: input.userId, body: input.body });
}
