import type { Sql } from "../database";
import type { ChaosClient } from "./client";

// The checks at the end of a chaos run, read from the database and from what each client kept.

type Check = { name: string; pass: boolean; detail: string; examples: string[] };

type DbReply = { id: string; room_id: string; seq: number; author_id: string; idempotency_key: string };

export type Verdict = {
  checks: Check[];
  counts: Record<string, number | string>;
};

const sample = (items: string[]) => items.slice(0, 5);

/** Every check of the run, plus the counts the summary prints. `roomIds` are the chaos clubs' rooms. */
export async function verify(sql: Sql, clients: ChaosClient[], roomIds: string[]): Promise<Verdict> {
  const rows = await sql<DbReply[]>`
    select id, room_id, seq, author_id, idempotency_key from replies where room_id in ${sql(roomIds)}`;
  const rooms = await sql<{ id: string; reply_seq: number; reply_count: number }[]>`
    select id, reply_seq, reply_count from rooms where id in ${sql(roomIds)}`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byKey = new Map<string, DbReply[]>();
  for (const row of rows) {
    const key = `${row.author_id}|${row.idempotency_key}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const byRoom = new Map<string, DbReply[]>(roomIds.map((id) => [id, []]));
  for (const row of rows) byRoom.get(row.room_id)?.push(row);

  const checks: Check[] = [];
  const posts = clients.flatMap((client) => client.posts);

  // 1. Every acknowledged POST: its reply is stored, once, under its key, with the id and seq the POST answered.
  const ackProblems: string[] = [];
  let acknowledged = 0;
  for (const post of posts) {
    if (!post.outcome.acknowledged) continue;
    acknowledged++;
    const stored = byKey.get(`${post.authorId}|${post.key}`) ?? [];
    if (stored.length !== 1) ackProblems.push(`key ${post.key}: ${stored.length} rows`);
    else if (stored[0]?.id !== post.outcome.replyId || stored[0]?.seq !== post.outcome.seq) {
      ackProblems.push(`key ${post.key}: answered ${post.outcome.replyId}#${post.outcome.seq}, stored ${stored[0]?.id}#${stored[0]?.seq}`);
    }
  }
  checks.push({ name: "every acknowledged reply is in the database exactly once", pass: ackProblems.length === 0, detail: `${acknowledged - ackProblems.length}/${acknowledged} acknowledged replies found once`, examples: sample(ackProblems) });

  // 2. No key stored twice at all (the unique index says so; this says the run agrees), and the rooms' seqs are 1..n.
  const seqProblems: string[] = [];
  for (const [key, stored] of byKey) if (stored.length > 1) seqProblems.push(`key ${key}: ${stored.length} rows`);
  for (const room of rooms) {
    const seqs = (byRoom.get(room.id) ?? []).map((row) => row.seq).sort((a, b) => a - b);
    const dense = seqs.every((seq, index) => seq === index + 1);
    if (!dense) seqProblems.push(`room ${room.id}: seqs are not 1..${seqs.length}`);
    if (room.reply_seq !== seqs.length) seqProblems.push(`room ${room.id}: reply_seq ${room.reply_seq}, ${seqs.length} replies`);
    if (room.reply_count !== seqs.length) seqProblems.push(`room ${room.id}: reply_count ${room.reply_count}, ${seqs.length} replies`);
  }
  checks.push({ name: "each room's replies are seq 1..n with its counters in step", pass: seqProblems.length === 0, detail: `${rooms.length} rooms, ${rows.length} replies`, examples: sample(seqProblems) });

  // 3. Every listener holds every reply of its rooms, once, with the stored seq, and nothing else.
  const listenerProblems: string[] = [];
  let complete = 0;
  let missing = 0;
  let phantom = 0;
  for (const client of clients) {
    const problems: string[] = [...client.stats.inconsistencies];
    for (const roomId of client.club.roomIds) {
      const held = client.held.get(roomId) ?? new Map();
      const stored = byRoom.get(roomId) ?? [];
      for (const row of stored) {
        const mine = held.get(row.id);
        if (!mine) {
          missing++;
          problems.push(`${client.member.email} lacks ${row.id} (room ${roomId} seq ${row.seq})`);
        } else if (mine.seq !== row.seq) problems.push(`${client.member.email} holds ${row.id} as seq ${mine.seq}, stored ${row.seq}`);
      }
      for (const id of held.keys()) {
        if (!byId.has(id)) {
          phantom++;
          problems.push(`${client.member.email} holds ${id}, which is not in the database`);
        }
      }
    }
    if (client.stats.liveDuplicates > 0) problems.push(`${client.member.email} got ${client.stats.liveDuplicates} live duplicates`);
    if (problems.length === 0) complete++;
    listenerProblems.push(...problems);
  }
  const liveDuplicates = clients.reduce((sum, client) => sum + client.stats.liveDuplicates, 0);
  checks.push({
    name: "every listener has every reply of its rooms exactly once (after catch-up)",
    pass: listenerProblems.length === 0,
    detail: `${complete}/${clients.length} listeners complete; ${missing} missing, ${phantom} not in the database, ${liveDuplicates} live duplicates`,
    examples: sample(listenerProblems),
  });

  // 4. No event of another club's room reached a socket.
  const crossClub = clients.flatMap((client) => client.stats.crossClubEvents.map((event) => `${client.member.email}: ${event}`));
  checks.push({ name: "no event reached a socket of another club", pass: crossClub.length === 0, detail: `${crossClub.length} events of another club`, examples: sample(crossClub) });

  // Counts for the summary.
  const failedReasons = new Map<string, number>();
  const attemptReasons = new Map<string, number>();
  let retried = 0;
  let storedUnacknowledged = 0;
  for (const post of posts) {
    if (post.attempts > 1) retried++;
    for (const reason of post.attemptFailures) attemptReasons.set(reason, (attemptReasons.get(reason) ?? 0) + 1);
    if (!post.outcome.acknowledged) {
      failedReasons.set(post.outcome.reason, (failedReasons.get(post.outcome.reason) ?? 0) + 1);
      if (byKey.has(`${post.authorId}|${post.key}`)) storedUnacknowledged++;
    }
  }
  const ackNode = new Map<string, string>();
  for (const post of posts) if (post.outcome.acknowledged) ackNode.set(post.outcome.replyId, post.outcome.node);
  const sources = { live: 0, "catch-up": 0, own: 0 };
  let liveSameNode = 0;
  let liveOtherNode = 0;
  for (const client of clients) {
    for (const held of client.held.values()) {
      for (const [id, entry] of held) {
        sources[entry.source]++;
        if (entry.source !== "live") continue;
        const posted = ackNode.get(id);
        if (posted && entry.node === posted) liveSameNode++;
        else if (posted) liveOtherNode++;
      }
    }
  }
  const format = (map: Map<string, number>) => (map.size === 0 ? "none" : Array.from(map, ([reason, count]) => `${reason}: ${count}`).join(", "));
  const sum = (pick: (client: ChaosClient) => number) => clients.reduce((total, client) => total + pick(client), 0);
  return {
    checks,
    counts: {
      "posts attempted": posts.length,
      "posts acknowledged": acknowledged,
      "posts failed (by reason)": `${posts.length - acknowledged} (${format(failedReasons)})`,
      "posts retried (same key)": retried,
      "failed attempts (by reason)": format(attemptReasons),
      "failed posts stored anyway": storedUnacknowledged,
      "replies in the database": rows.length,
      "deliveries: live": sources.live,
      "deliveries: catch-up": sources["catch-up"],
      "deliveries: own POST answer": sources.own,
      "live from the same node / from the other node": `${liveSameNode} / ${liveOtherNode}`,
      "socket connects (recovered)": `${sum((client) => client.stats.connects)} (${sum((client) => client.stats.recovered)})`,
      "socket disconnects seen": sum((client) => client.stats.disconnects),
      "moves to another node": sum((client) => client.stats.nodeSwitches),
      "room:join failures (retried)": sum((client) => client.stats.joinFailures),
      "seqs missing below the newest held at a recovered rejoin (a page would skip them)": sum((client) => client.stats.holesAtRecoveredJoin),
      "seqs missing below the newest held at any rejoin (the page joins after its newest seq)": sum((client) => client.stats.holesAtRejoin),
    },
  };
}
