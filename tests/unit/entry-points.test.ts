import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every route handler and server action is a door's thin wrapper (docs/decisions/0006): this
// file fails when one is added that skips its wrapper, or that the authorization walk
// (tests/integration/authorization.test.ts) does not try as the wrong person. It reads the
// source as text, so it also catches a handler nobody has called yet.

/**
 * Each entry point, and the door(s) it calls: named as the walk names them, or `self:` with
 * why there is no "wrong person" (the caller's own rows, or a secret token as the credential).
 */
const reaches: Record<string, readonly string[]> = {
  // ---- route handlers (file: method) ----
  "app/api/rooms/[roomId]/route.ts: GET": ["loadRoomSnapshot"],
  "app/api/rooms/[roomId]/replies/route.ts: GET": ["listRepliesAfter"],
  "app/api/rooms/[roomId]/threads/route.ts: GET": ["listRoomThreads"],
  "app/api/rooms/[roomId]/threads/[threadId]/route.ts: GET": ["listThreadPage"],
  "app/api/rooms/[roomId]/replies/route.ts: POST": ["postReply"],
  "app/api/rooms/[roomId]/lock/route.ts: PUT": ["lockRoom"],
  "app/api/rooms/[roomId]/lock/route.ts: DELETE": ["unlockRoom"],
  "app/api/rooms/[roomId]/read/route.ts: PUT": ["markRoomRead"],
  "app/api/clubs/[clubId]/unread/route.ts: GET": ["loadClubUnread"],
  "app/api/replies/[replyId]/route.ts: GET": ["loadReply"],
  "app/api/replies/[replyId]/route.ts: PATCH": ["editReply"],
  "app/api/replies/[replyId]/route.ts: DELETE": ["deleteReply"],
  "app/api/replies/[replyId]/history/route.ts: GET": ["loadReplyHistory"],
  "app/api/replies/[replyId]/reactions/route.ts: PUT": ["setReplyReaction"],
  "app/api/replies/[replyId]/pin/route.ts: PUT": ["pinReply"],
  "app/api/replies/[replyId]/reveal/route.ts: POST": ["revealReplyText"],
  "app/api/replies/[replyId]/pin/route.ts: DELETE": ["unpinReply"],
  "app/api/replies/[replyId]/hidden/route.ts: PUT": ["hideReply"],
  "app/api/replies/[replyId]/hidden/route.ts: DELETE": ["unhideReply"],
  "app/api/meetings/[meetingId]/ics/route.ts: GET": ["loadMeetingIcs"],
  "app/api/clubs/[clubId]/export/route.ts: GET": ["exportClub"],
  "app/api/profile/export/route.ts: GET": ["self: the caller's own replies, read by their own id (tests/integration/export.test.ts)"],
  "app/api/meetings/[meetingId]/marker/route.ts: PUT": ["setMeetingMarker"],
  "app/api/calendar/[token]/route.ts: GET": ["self: the feed's secret token is the credential (tests/integration/calendar.test.ts)"],
  "app/api/sign-up/route.ts: POST": ["self: creates the caller's own account; nobody is signed in yet"],
  "app/api/health/route.ts: GET": ["self: public, says only whether the database answers"],
  "app/api/unsubscribe/[token]/route.ts: POST": ["self: the signed unsubscribe link is the credential (tests/integration/email.test.ts)"],
  "app/api/unsubscribe/[token]/route.ts: GET": ["self: changes nothing; sends the browser on to the unsubscribe page"],
  // ---- server actions (file: function) ----
  "app/clubs/[clubId]/actions.ts: markClubReadAction": ["markClubRead"],
  "app/calendar/actions.ts: createCalendarFeedAction": ["self: the caller's own calendar feed"],
  "app/calendar/actions.ts: revokeCalendarFeedAction": ["self: the caller's own calendar feed"],
  "app/clubs/[clubId]/books/actions.ts: createBookAction": ["createBook"],
  "app/clubs/[clubId]/books/[bookId]/actions.ts: updateBookAction": ["updateBook"],
  "app/clubs/[clubId]/books/[bookId]/actions.ts: setCurrentBookAction": ["setCurrentBook"],
  "app/clubs/[clubId]/books/[bookId]/actions.ts: updateBookShapeAction": ["updateBookShape"],
  "app/clubs/[clubId]/books/[bookId]/actions.ts: setReadingProgressAction": ["setReadingProgress"],
  "app/clubs/[clubId]/books/[bookId]/questions/actions.ts: setRoomReachAction": ["updateRoomReach"],
  "app/clubs/[clubId]/rooms/[roomId]/actions.ts: liftRoomVeilAction": ["liftRoomVeil"],
  "app/clubs/[clubId]/books/[bookId]/import/actions.ts: importGuideAction": ["importQuestions"],
  "app/clubs/[clubId]/books/[bookId]/questions/actions.ts: addQuestionAction": ["addQuestion"],
  "app/clubs/[clubId]/books/[bookId]/questions/actions.ts: editQuestionAction": ["editQuestion"],
  "app/clubs/[clubId]/books/[bookId]/questions/actions.ts: moveQuestionAction": ["moveQuestion"],
  "app/clubs/[clubId]/books/[bookId]/questions/actions.ts: removeQuestionAction": ["removeQuestion"],
  "app/clubs/[clubId]/invites/actions.ts: createInviteAction": ["createClubInvite"],
  "app/clubs/[clubId]/invites/actions.ts: revokeInviteAction": ["revokeClubInvite"],
  "app/clubs/[clubId]/meetings/actions.ts: scheduleMeetingAction": ["scheduleMeeting"],
  "app/clubs/[clubId]/meetings/actions.ts: editMeetingAction": ["editMeeting"],
  "app/clubs/[clubId]/meetings/actions.ts: cancelMeetingAction": ["cancelMeeting"],
  "app/clubs/[clubId]/meetings/actions.ts: setRsvpAction": ["setRsvp"],
  "app/clubs/[clubId]/polls/actions.ts: createPollAction": ["createPoll"],
  "app/clubs/[clubId]/polls/actions.ts: castVoteAction": ["castVote"],
  "app/clubs/[clubId]/polls/actions.ts: proposeBookAction": ["proposeBook"],
  "app/clubs/[clubId]/polls/actions.ts: endProposalsAction": ["endPollProposals"],
  "app/clubs/[clubId]/polls/actions.ts: closePollAction": ["closePoll"],
  "app/clubs/[clubId]/polls/actions.ts: adoptPollWinnerAction": ["adoptPollWinner"],
  "app/clubs/[clubId]/members/actions.ts: setMemberRoleAction": ["changeMemberRole"],
  "app/clubs/[clubId]/members/actions.ts: transferOwnershipAction": ["transferOwnership"],
  "app/clubs/[clubId]/members/actions.ts: removeMemberAction": ["removeMember (a member)", "removeMember (a moderator)", "removeMember (the owner)"],
  "app/clubs/[clubId]/members/actions.ts: leaveClubAction": ["leaveClub"],
  "app/clubs/[clubId]/settings/actions.ts: updateClubDetailsAction": ["updateClubDetails"],
  "app/clubs/[clubId]/settings/actions.ts: changeClubLanguageAction": ["changeClubLanguage"],
  "app/clubs/new/actions.ts: createClubAction": ["self: anyone signed in may start a club"],
  "app/invite/[token]/actions.ts: joinClubAction": ["self: the invite's secret token is the credential (tests/integration/invites.test.ts)"],
  "app/notifications/actions.ts: markAllReadAction": ["self: the caller's own notifications"],
  "app/notifications/actions.ts: markReadAction": ["self: the caller's own notifications"],
  "app/notifications/actions.ts: countUnreadAction": ["self: the caller's own notifications"],
  "app/profile/actions.ts: renameAction": ["self: the caller's own profile"],
  "app/profile/actions.ts: changePasswordAction": ["self: the caller's own profile"],
  "app/profile/actions.ts: signOutEverywhereAction": ["self: the caller's own sign-in sessions"],
  "app/profile/actions.ts: saveNotificationSettingsAction": ["self: the caller's own notification settings"],
  "app/profile/actions.ts: saveLocaleAction": ["self: the caller's own profile (its language)"],
  "app/profile/actions.ts: deleteAccountAction": ["self: the caller's own account, its password (or email) checked under the sign-in limits (tests/integration/account-deletion.test.ts)"],
  "app/actions.ts: chooseLanguageAction": ["self: this browser's language cookie, and the caller's own profile when signed in"],
};

const root = path.resolve(".");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function filesNamed(dir: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir))) {
    const relative = path.join(dir, entry);
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...filesNamed(relative, name));
    else if (entry === name) found.push(relative);
  }
  return found.sort();
}

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeExports(file: string): { key: string; wrapped: boolean }[] {
  const source = read(file);
  return methods.flatMap((method): { key: string; wrapped: boolean }[] => {
    // readableErrors (lib/export/readable-errors.ts) only rewords an export's error for a browser.
    if (new RegExp(`export const ${method} = (readableErrors\\(\\s*)?(public)?[Rr]oute(<[^>]*>)?\\(`).test(source)) {
      return [{ key: `${file}: ${method}`, wrapped: true }];
    }
    if (new RegExp(`export (async function|const) ${method}\\b`).test(source)) return [{ key: `${file}: ${method}`, wrapped: false }];
    return [];
  });
}

function actionExports(file: string): { key: string; body: string }[] {
  const source = read(file);
  const starts = [...source.matchAll(/export async function (\w+)/g)];
  return starts.map((match, index) => ({
    key: `${file}: ${match[1]}`,
    body: source.slice(match.index, starts[index + 1]?.index ?? source.length),
  }));
}

const walked = new Set([...read("tests/integration/authorization.test.ts").matchAll(/name: "([^"]+)"/g)].map((match) => match[1]));

describe("every entry point is a door's wrapper, and the authorization walk tries it", () => {
  const routes = filesNamed("app/api", "route.ts").filter((file) => !file.includes("[...nextauth]"));
  const actions = filesNamed("app", "actions.ts");

  it("lists every route handler and server action in this file's map", () => {
    const found = [...routes.flatMap(routeExports).map((entry) => entry.key), ...actions.flatMap(actionExports).map((entry) => entry.key)];
    expect(found.filter((key) => !(key in reaches))).toEqual([]);
    expect(Object.keys(reaches).filter((key) => !found.includes(key))).toEqual([]);
  });

  it("wraps every route handler in route() (or publicRoute() where nobody is signed in)", () => {
    expect(routes.flatMap(routeExports).filter((entry) => !entry.wrapped)).toEqual([]);
  });

  it("runs every server action through runAction()", () => {
    expect(actions.flatMap(actionExports).filter((entry) => !entry.body.includes("runAction("))).toEqual([]);
  });

  it("names only doors that the authorization walk tries as the wrong person", () => {
    const doors = Object.values(reaches)
      .flat()
      .filter((door) => !door.startsWith("self:"));
    expect(doors.filter((door) => !walked.has(door))).toEqual([]);
  });
});
