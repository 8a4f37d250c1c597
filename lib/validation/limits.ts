// Shared with the browser, so it stays free of schema code.
export const replyBodyMaxLength = 10_000;

/** How long a moderator's reason for hiding a reply may be. */
export const hiddenReasonMaxLength = 300;
