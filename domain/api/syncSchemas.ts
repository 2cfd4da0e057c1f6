import { z } from 'zod';

/** Inputs of sync (DESIGN.md §10): joining a site with a one-time code, and the round by hand. */

/** The server's address as typed: http(s), a host, no query or fragment; a trailing slash is dropped. */
export const serverUrlField = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.search && !u.hash && !u.username;
      } catch {
        return false;
      }
    },
    { message: 'serverUrl' },
  )
  .transform((v) => v.replace(/\/+$/, ''));

export const syncConfigureInput = z.strictObject({
  serverUrl: serverUrlField,
  /** As printed by `npm run server -- enrol-code`: spaces and dashes a person adds are kept, the server decides. */
  enrolmentCode: z.string().trim().min(4).max(64),
});
