import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { replies, replyRevisions } from "@/db/schema/discussion";
import { deleteReply, editReply, loadReply, loadReplyHistory, postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { lockRoom } from "@/lib/discussion/moderation";
import { createTestClub, createTestUser, replyInput } from "./factories";

async function setting() {
  const author = await createTestUser("Author");
  const member = await createTestUser("Member");
  const moderator = await createTestUser("Moderator");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: author.id, role: "member" },
      { userId: member.id, role: "member" },
      { userId: moderator.id, role: "moderator" },
    ],
  });
  const roomId = club.roomIds[0]!;
  const { reply } = await postReply({ roomId, userId: author.id, body: replyInput("The *first* version") });
  return { author, member, moderator, stranger, club, roomId, reply };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function storedReply(replyId: string) {
  const [row] = await getDb().select().from(replies).where(eq(replies.id, replyId));
  if (!row) throw new Error("reply missing");
  return row;
}

async function storedRevisions(replyId: string) {
  return getDb().select().from(replyRevisions).where(eq(replyRevisions.replyId, replyId)).orderBy(asc(replyRevisions.replacedAt));
}

describe("an author editing their reply", () => {
  it("replaces the text, re-renders the Markdown and marks the reply edited", async () => {
    const { author, reply } = await setting();
    const edited = await editReply({ replyId: reply.id, userId: author.id, body: { body: "  Now **bolder**  " } });

    expect(edited.bodyHtml).toBe("<p>Now <strong>bolder</strong></p>\n");
    expect(edited.editedAt).not.toBeNull();
    expect(edited.state).toBe("visible");
    const row = await storedReply(reply.id);
    expect(row.body).toBe("Now **bolder**");
    expect(row.editedAt?.toISOString()).toBe(edited.editedAt);
  });

  it("keeps every earlier version, in order, each with the time it was written", async () => {
    const { author, reply } = await setting();
    const second = await editReply({ replyId: reply.id, userId: author.id, body: { body: "Second version" } });
    const third = await editReply({ replyId: reply.id, userId: author.id, body: { body: "Third version" } });

    const revisions = await storedRevisions(reply.id);
    expect(revisions.map((revision) => revision.body)).toEqual(["The *first* version", "Second version"]);
    expect(revisions.map((revision) => revision.writtenAt.toISOString())).toEqual([reply.createdAt, second.editedAt]);
    expect(revisions[1]!.replacedAt.toISOString()).toBe(third.editedAt);

    const history = await loadReplyHistory({ replyId: reply.id, userId: author.id });
    expect(history.versions.map((version) => version.bodyHtml)).toEqual([
      "<p>The <em>first</em> version</p>\n",
      "<p>Second version</p>\n",
      "<p>Third version</p>\n",
    ]);
    expect(history.versions.at(-1)).toMatchObject({ writtenAt: third.editedAt, replacedAt: null });
  });

  it("records nothing when the text is unchanged", async () => {
    const { author, reply } = await setting();
    const same = await editReply({ replyId: reply.id, userId: author.id, body: { body: "The *first* version " } });
    expect(same.editedAt).toBeNull();
    expect(await storedRevisions(reply.id)).toEqual([]);
  });

  it("hands the author their Markdown source to edit", async () => {
    const { author, member, reply } = await setting();
    expect((await loadReply({ replyId: reply.id, userId: author.id })).source?.body).toBe("The *first* version");
    expect((await loadReply({ replyId: reply.id, userId: member.id })).source).toBeNull();
  });

  it("refuses an empty or too long body and changes nothing", async () => {
    const { author, reply } = await setting();
    for (const body of [{ body: "   " }, { body: "x".repeat(10_001) }, { body: 42 }, null]) {
      await expectAppError(editReply({ replyId: reply.id, userId: author.id, body }), "bad_request");
    }
    const row = await storedReply(reply.id);
    expect(row.body).toBe("The *first* version");
    expect(row.editedAt).toBeNull();
    expect(await storedRevisions(reply.id)).toEqual([]);
  });

  it("is refused in a locked room, while a moderator may still edit their own", async () => {
    const { author, moderator, roomId, reply } = await setting();
    const own = await postReply({ roomId, userId: moderator.id, body: replyInput("Moderator's note") });
    await lockRoom({ roomId, userId: moderator.id });

    await expectAppError(editReply({ replyId: reply.id, userId: author.id, body: { body: "Sneaking in" } }), "locked");
    expect((await storedReply(reply.id)).body).toBe("The *first* version");
    const edited = await editReply({ replyId: own.reply.id, userId: moderator.id, body: { body: "Moderator's note, edited" } });
    expect(edited.editedAt).not.toBeNull();
  });
});

describe("editing someone else's reply", () => {
  it("is forbidden to another member and changes nothing", async () => {
    const { member, reply } = await setting();
    const error = await expectAppError(editReply({ replyId: reply.id, userId: member.id, body: { body: "Not mine" } }), "forbidden");
    expect(error.message).toMatch(/your own/);
    expect((await storedReply(reply.id)).body).toBe("The *first* version");
    expect(await storedRevisions(reply.id)).toEqual([]);
  });

  it("is forbidden even to a moderator", async () => {
    const { moderator, reply } = await setting();
    await expectAppError(editReply({ replyId: reply.id, userId: moderator.id, body: { body: "Moderated" } }), "forbidden");
    await expectAppError(deleteReply({ replyId: reply.id, userId: moderator.id }), "forbidden");
    const row = await storedReply(reply.id);
    expect(row.body).toBe("The *first* version");
    expect(row.deletedAt).toBeNull();
  });

  it("is not found for a stranger, for a malformed id and for an id that names nothing", async () => {
    const { stranger, author, reply } = await setting();
    await expectAppError(editReply({ replyId: reply.id, userId: stranger.id, body: { body: "Hello" } }), "not_found");
    await expectAppError(deleteReply({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(loadReplyHistory({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(editReply({ replyId: "not-a-uuid", userId: author.id, body: { body: "x" } }), "not_found");
    await expectAppError(editReply({ replyId: "00000000-0000-4000-8000-000000000000", userId: author.id, body: { body: "x" } }), "not_found");
    expect((await storedReply(reply.id)).body).toBe("The *first* version");
  });

  it("is not found when the reply belongs to another club, even for the owner of that other club", async () => {
    const { reply } = await setting();
    // The owner (and an author) of a second club reaches for a reply in the first by id.
    const otherAuthor = await createTestUser("Elsewhere");
    const other = await createTestClub({ members: [{ userId: otherAuthor.id, role: "owner" }] });
    await postReply({ roomId: other.roomIds[0]!, userId: otherAuthor.id, body: replyInput("Over here") });

    await expectAppError(editReply({ replyId: reply.id, userId: otherAuthor.id, body: { body: "Crossing over" } }), "not_found");
    await expectAppError(deleteReply({ replyId: reply.id, userId: otherAuthor.id }), "not_found");
    await expectAppError(loadReply({ replyId: reply.id, userId: otherAuthor.id }), "not_found");
    const row = await storedReply(reply.id);
    expect(row.body).toBe("The *first* version");
    expect(row.deletedAt).toBeNull();
  });
});

describe("an author deleting their reply", () => {
  it("leaves a placeholder in place and keeps the replies under it", async () => {
    const { author, member, roomId, reply } = await setting();
    const child = await postReply({ roomId, userId: member.id, body: replyInput("An answer", reply.id) });

    const deleted = await deleteReply({ replyId: reply.id, userId: author.id });
    expect(deleted).toMatchObject({ id: reply.id, state: "deleted", bodyHtml: "", pinned: false });

    const { replies: seen } = await loadRoomPage({ roomId, userId: member.id, body: {} });
    expect(seen.map((item) => [item.id, item.state])).toEqual([
      [reply.id, "deleted"],
      [child.reply.id, "visible"],
    ]);
    expect(seen[1]).toMatchObject({ parentId: reply.id, bodyHtml: "<p>An answer</p>\n" });
  });

  // Issue 8 reversed the old rule ("keeps earlier versions"): deleting removes the text everywhere.
  it("clears the stored text and every earlier version", async () => {
    const { author, reply } = await setting();
    await editReply({ replyId: reply.id, userId: author.id, body: { body: "Changed my mind" } });
    await deleteReply({ replyId: reply.id, userId: author.id });

    const row = await storedReply(reply.id);
    expect(row).toMatchObject({ body: "", bodyHtml: "" });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await storedRevisions(reply.id)).toEqual([]);
  });

  it("cannot be edited afterwards", async () => {
    const { author, reply } = await setting();
    await deleteReply({ replyId: reply.id, userId: author.id });
    await expectAppError(editReply({ replyId: reply.id, userId: author.id, body: { body: "Back again" } }), "conflict");
    expect((await storedReply(reply.id)).body).toBe("");
    expect(await storedRevisions(reply.id)).toEqual([]);
  });

  it("is forbidden to another member and changes nothing", async () => {
    const { member, reply } = await setting();
    await expectAppError(deleteReply({ replyId: reply.id, userId: member.id }), "forbidden");
    const row = await storedReply(reply.id);
    expect(row.deletedAt).toBeNull();
    expect(row.body).toBe("The *first* version");
  });
});

describe("edit history", () => {
  it("is open to moderators and the author, forbidden to other members", async () => {
    const { author, member, moderator, reply } = await setting();
    await editReply({ replyId: reply.id, userId: author.id, body: { body: "Revised" } });

    expect((await loadReplyHistory({ replyId: reply.id, userId: moderator.id })).versions).toHaveLength(2);
    expect((await loadReplyHistory({ replyId: reply.id, userId: author.id })).versions).toHaveLength(2);
    await expectAppError(loadReplyHistory({ replyId: reply.id, userId: member.id }), "forbidden");
  });
});

describe("a deleted reply's history", () => {
  it("holds no text of any version, for the author or a moderator, nor in the database", async () => {
    const { author, moderator, reply } = await setting();
    await editReply({ replyId: reply.id, userId: author.id, body: { body: "Second, secret version" } });
    await editReply({ replyId: reply.id, userId: author.id, body: { body: "Third version" } });
    expect(await storedRevisions(reply.id)).toHaveLength(2);

    await deleteReply({ replyId: reply.id, userId: author.id });

    for (const viewer of [author, moderator]) {
      const history = await loadReplyHistory({ replyId: reply.id, userId: viewer.id });
      expect(history.reply.state).toBe("deleted");
      expect(history.versions).toEqual([]);
      expect(JSON.stringify(history)).not.toMatch(/first|secret|Third/);
    }
    expect(await storedRevisions(reply.id)).toEqual([]);
    const row = await storedReply(reply.id);
    expect([row.body, row.bodyHtml]).toEqual(["", ""]);
  });
});
