import "server-only";
import { bumpSessionVersion, revokeSession } from "@/db/queries/sessions";
import { getUserPasswordHash, getUserProfile, replaceUserPasswordHash, updateUserLocale, updateUserName } from "@/db/queries/users";
import { resolveSelf } from "@/lib/access";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { ensureStrongPassword } from "@/lib/accounts/password-strength";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { changePasswordInput, endSessionInput, localeChoiceInput, renameInput } from "@/lib/validation/profile";
import { errorText } from "@/lib/i18n/error-text";

// The doors of your own account. They name no object: the account is the caller's, which the
// door settles by keying every query by the signed-in user's id (lib/access.ts resolveSelf).

export const loadProfile = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const profile = await getUserProfile({ userId });
    if (!profile) throw notFound("account");
    return done(profile);
  },
});

/** The name other members see; `body.name` is trimmed. */
export const renameUser = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  body: renameInput,
  act: async ({ body, userId }) => {
    const updated = await updateUserName({ userId, name: body.name });
    if (!updated) throw notFound("account");
    return done({ name: updated.name });
  },
});

/** Saves the member's language choice (`body.locale`: "en", "es", or null to follow the browser). */
export const saveLocaleChoice = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  body: localeChoiceInput,
  act: async ({ body, userId }) => {
    await updateUserLocale({ userId, locale: body.locale });
    return done({ locale: body.locale });
  },
});

const wrongPassword = () =>
  new AppError("bad_request", errorText("profile.wrongPassword"), {
    currentPassword: errorText("profile.wrongPasswordField"),
  });

/**
 * Changes (or, for an account made through OAuth, sets) the password. When the account has a
 * password, the current one must be typed and verified first. `hadPassword` says which it was.
 * Every session signed in before ends (their open sockets close); `sessionVersion` is the new
 * version, under which the caller may renew the session that made the change.
 */
export const changePassword = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  body: changePasswordInput,
  act: async ({ body, userId }) => {
    const stored = await getUserPasswordHash({ userId });
    if (!stored) throw notFound("account");
    if (stored.passwordHash !== null) {
      if (!body.currentPassword) {
        throw new AppError("bad_request", errorText("profile.currentPasswordMissing"), {
          currentPassword: errorText("profile.currentPasswordMissingField"),
        });
      }
      if (!(await verifyPassword(body.currentPassword, stored.passwordHash))) throw wrongPassword();
    }
    // After the current password is verified, so a wrong guess learns nothing about the new one's rules.
    ensureStrongPassword(body.newPassword, "newPassword");
    const replaced = await replaceUserPasswordHash({
      userId,
      expectedHash: stored.passwordHash,
      passwordHash: await hashPassword(body.newPassword),
    });
    if (!replaced) throw new AppError("conflict", errorText("profile.passwordChangedElsewhere"));
    return done(
      { hadPassword: stored.passwordHash !== null, sessionVersion: replaced.sessionVersion },
      { type: "sessions:ended", userId, versionBelow: replaced.sessionVersion },
    );
  },
});

/** "Sign out everywhere": ends every session of the account, this one included; their open sockets close. */
export const signOutEverywhere = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const sessionVersion = await bumpSessionVersion({ userId });
    if (sessionVersion === null) throw notFound("account");
    return done(null, { type: "sessions:ended", userId, versionBelow: sessionVersion });
  },
});

/**
 * Plain "Sign out": ends the one session named (next-auth's signOut event passes the token's
 * own), leaving the account's other devices signed in. Its open sockets close.
 */
export const endThisSession = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  body: endSessionInput,
  act: async ({ userId, body }) => {
    await revokeSession({ userId, sessionId: body.sessionId, expiresAt: body.expiresAt });
    return done(null, { type: "sessions:ended", userId, sessionId: body.sessionId });
  },
});
