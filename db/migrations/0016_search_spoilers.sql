-- Search must never find or show an inline spoiler (docs/decisions/0026-search.md). Migration
-- 0015 removed each `||…||` pairing a bar pair with the next one, but the renderer
-- (lib/discussion/inline-spoiler.ts) skips bars with a space just inside ("a || b") and bars in
-- code, then veils a LATER pair: "this || that, but ||secret|| later" showed "secret" to search.
-- Now everything from the FIRST "||" to the LAST is removed. Every span the renderer veils lies
-- between two bar pairs of the body, so inside first..last, whatever Markdown decides. The cost
-- is in the safe direction: words between unrelated bars ("a || b ... c || d") are not found.
-- In Postgres's regular expressions "." matches a line break unless the 'n' flag is given, so
-- the span crosses lines as a spoiler in a multi-line paragraph does.
CREATE OR REPLACE FUNCTION reply_search_text(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(body, '\|\|.*\|\|', ' ');--> statement-breakpoint
-- A stored generated column keeps what the old function computed until its row is written:
-- rewrite the rows the change can touch (only bodies with a "||"), so their vectors are recomputed.
UPDATE replies SET body = body WHERE body LIKE '%||%';
