-- Data migration (hand-written; keep at the END if this file is regenerated): invite tokens are
-- stored as the SHA-256 (hex) of the token in the link, never the token itself
-- (lib/clubs/invites.ts hashInviteToken computes the same in Node). Existing rows are hashed in
-- place, so links already handed out keep working. A raw token is 32 base64url characters; a
-- hash is 64 hex ones, so a row is hashed only once even if this ran twice.
UPDATE "invites" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex') WHERE "token" !~ '^[0-9a-f]{64}$';
