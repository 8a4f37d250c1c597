CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "depth" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "reply_to_id" uuid;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_reply_to_id_replies_id_fk" FOREIGN KEY ("reply_to_id") REFERENCES "public"."replies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-written data migration (keep at the END if this file is regenerated): every existing
-- reply gets its depth, and a reply deeper than the cap of 8 levels (depth 0..7,
-- lib/discussion/depth.ts) moves under its ancestor at depth 6, remembering the reply it answered
-- in reply_to_id, as a new reply there would be posted. path[k] is the ancestor at depth k - 1.
WITH RECURSIVE tree AS (
  SELECT id, parent_id, 0 AS depth, ARRAY[id] AS path FROM replies WHERE parent_id IS NULL
  UNION ALL
  SELECT r.id, r.parent_id, t.depth + 1, t.path || r.id FROM replies r JOIN tree t ON r.parent_id = t.id
)
UPDATE replies SET
  depth = LEAST(tree.depth, 7),
  reply_to_id = CASE WHEN tree.depth > 7 THEN tree.parent_id ELSE NULL END,
  parent_id = CASE WHEN tree.depth > 7 THEN tree.path[7] ELSE tree.parent_id END
FROM tree WHERE replies.id = tree.id;
