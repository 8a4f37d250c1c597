import "server-only";
import { isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

// The one rule for naming a person whose account may have been deleted
// (docs/decisions/0028-account-deletion.md). A deleted account keeps its users row as a tombstone
// (its replies keep their threads), with the name cleared; every query that names a person reads
// the name through shownName, which yields null for a deleted account. The view layer turns null
// into the reader's `common.formerMember` ("A former member" / "Un antiguo miembro"),
// lib/accounts/former-member.ts nameOrFormer. Search, export and polls use the same helpers.

/** The columns of `users` (or an alias of it) the rule reads. */
type NamedTable = { name: PgColumn; deletedAt: PgColumn };

/**
 * The name to show for a person: their stored name, or SQL NULL when their account was deleted.
 * In: `users` or an `alias(users, ...)`. Out: a `string | null` column for a select. Through a
 * LEFT JOIN that found nobody it is null too; callers that must tell "nobody" from "a former
 * member" also read the id they joined on.
 */
export function shownName(table: NamedTable): SQL<string | null> {
  return sql<string | null>`case when ${table.deletedAt} is null then ${table.name} end`;
}

/**
 * shownName for hand-written SQL: `alias` is the table alias of `users` in the statement (a
 * fixed identifier in our code, never input). Out: `case when <alias>.deleted_at is null then <alias>.name end`.
 */
export function shownNameOf(alias: string): SQL<string | null> {
  const table = sql.identifier(alias);
  return sql<string | null>`case when ${table}.deleted_at is null then ${table}.name end`;
}

/** The WHERE condition "this account was not deleted", for lists of people (rosters, pickers, recipients). */
export function isActiveAccount(table: Pick<NamedTable, "deletedAt">): SQL {
  return isNull(table.deletedAt);
}
