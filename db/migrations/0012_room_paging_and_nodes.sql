-- Each reply's thread (its top-level reply), filled in for the replies already written, then required.
ALTER TABLE "replies" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
WITH RECURSIVE thread AS (
	SELECT "id", "id" AS "thread_id" FROM "replies" WHERE "parent_id" IS NULL
	UNION ALL
	SELECT r."id", t."thread_id" FROM "replies" r JOIN thread t ON r."parent_id" = t."id"
)
UPDATE "replies" SET "thread_id" = thread."thread_id" FROM thread WHERE "replies"."id" = thread."id";--> statement-breakpoint
ALTER TABLE "replies" ALTER COLUMN "thread_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_thread_id_replies_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "replies_room_thread_seq_idx" ON "replies" USING btree ("room_id","thread_id","seq");--> statement-breakpoint
CREATE INDEX "replies_room_threads_idx" ON "replies" USING btree ("room_id","seq") WHERE "replies"."parent_id" IS NULL;--> statement-breakpoint
-- The rows a reply's post writes beside it (its mentions and notifications) may be written before
-- the reply itself within one transaction, so the room's row lock is taken by the last statement
-- (issue 11: the write path). DEFERRABLE INITIALLY IMMEDIATE changes nothing until a transaction
-- asks with SET CONSTRAINTS.
ALTER TABLE "reply_mentions" ALTER CONSTRAINT "reply_mentions_reply_id_replies_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
ALTER TABLE "notifications" ALTER CONSTRAINT "notifications_reply_id_replies_id_fk" DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
-- The table of @socket.io/postgres-adapter (its README), created here rather than by each node at
-- start: two nodes starting together raced on its CREATE TABLE IF NOT EXISTS (STACK-NOTES.md).
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
	"id" bigserial UNIQUE,
	"created_at" timestamptz DEFAULT now(),
	"payload" bytea
);
