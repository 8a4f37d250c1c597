import { z } from "zod";

/** An id taken from a URL; anything that is not a UUID cannot name a row, so it is simply not found. */
export const uuidParam = z.uuid();
