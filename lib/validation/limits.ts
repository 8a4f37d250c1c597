// Shared with the browser, so it stays free of schema code.
export const replyBodyMaxLength = 10_000;
