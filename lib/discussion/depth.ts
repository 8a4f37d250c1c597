/**
 * How many levels a thread nests: a reply to the question is level 1 (depth 0), and no reply is
 * stored deeper than depth maxReplyDepth - 1. A reply to one at the deepest level is threaded
 * beside it and says whom it answers ("Replying to Ruth"), as forums that cap nesting do: a
 * chain hundreds deep broke the room page, and no phone can indent that far.
 */
export const maxReplyDepth = 8;
