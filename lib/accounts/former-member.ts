// How a deleted account is named (docs/decisions/0028-account-deletion.md). Queries yield null
// for a deleted account's name (db/queries/former-members.ts shownName); whatever renders a name
// passes it here with the reader's `common.formerMember`. No server-only code: client components use it.

/** A person's name as queries give it: null when their account was deleted. */
export type ShownName = string | null;

/**
 * The words to show for a person. In: the name from a query (null: a deleted account), and the
 * translated `common.formerMember` ("A former member"). Out: the name, or that label.
 */
export function nameOrFormer(name: ShownName, formerMember: string): string {
  return name ?? formerMember;
}
