import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/accounts/passwords";
import type { Sql } from "../database";

// The chaos run's people and places, written straight into the database (signing 200 people up
// through the app would meet its sign-up limit): clubs, each with a book, its rooms and members.
// Passwords are hashed by the app's own function, so the members sign in through next-auth.

type ChaosMember = { userId: string; email: string; clubIndex: number };
type ChaosClub = { clubId: string; roomIds: string[] };
export type Fixtures = { clubs: ChaosClub[]; members: ChaosMember[]; password: string };

/** `clubs` clubs of `membersPerClub` members each, every club with `roomsPerClub` rooms (questions) of one book. */
export async function createFixtures(sql: Sql, input: { clubs: number; membersPerClub: number; roomsPerClub: number }): Promise<Fixtures> {
  const password = "chaos-monkeys-read-too";
  const passwordHash = await hashPassword(password);
  const clubs: ChaosClub[] = [];
  const members: ChaosMember[] = [];
  await sql.begin(async (tx) => {
    for (let clubIndex = 0; clubIndex < input.clubs; clubIndex++) {
      const clubId = randomUUID();
      const bookId = randomUUID();
      await tx`insert into clubs ${tx({ id: clubId, name: `Chaos club ${clubIndex + 1}`, description: "A club of the chaos run." })}`;
      await tx`insert into books ${tx({ id: bookId, club_id: clubId, title: `Book of club ${clubIndex + 1}`, author: "Anon" })}`;
      await tx`update clubs set current_book_id = ${bookId} where id = ${clubId}`;
      const roomIds = Array.from({ length: input.roomsPerClub }, () => randomUUID());
      await tx`insert into rooms ${tx(roomIds.map((id, index) => ({ id, club_id: clubId, book_id: bookId, position: index + 1, question: `Question ${index + 1} of club ${clubIndex + 1}?` })))}`;
      const clubMembers = Array.from({ length: input.membersPerClub }, (_, index) => ({
        userId: randomUUID(),
        email: `chaos-c${clubIndex + 1}-m${index + 1}@example.com`,
        clubIndex,
      }));
      await tx`insert into users ${tx(clubMembers.map((member, index) => ({ id: member.userId, email: member.email, name: `Club ${clubIndex + 1} reader ${index + 1}`, password_hash: passwordHash })))}`;
      await tx`insert into club_members ${tx(clubMembers.map((member, index) => ({ club_id: clubId, user_id: member.userId, role: index === 0 ? "owner" : "member" })))}`;
      clubs.push({ clubId, roomIds });
      members.push(...clubMembers);
    }
  });
  return { clubs, members, password };
}
