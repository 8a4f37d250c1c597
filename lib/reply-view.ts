/** A reply as every client renders it: from the page, the API and the live socket alike. */
export type ReplyView = {
  id: string;
  roomId: string;
  parentId: string | null;
  seq: number;
  author: { id: string; name: string };
  bodyHtml: string;
  createdAt: string;
};
