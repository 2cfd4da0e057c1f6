import { z } from 'zod';
import { usernameSchema } from './accessSchemas.ts';
import { text } from './fields.ts';
import { textLimits } from './limits.ts';

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

/** An account name the site and this desk give to two people: which way the administrator settles it. */
export const syncSettleClashInput = z.discriminatedUnion('settle', [
  z.strictObject({ username: text(textLimits.username), settle: z.literal('useSite') }),
  z.strictObject({ username: text(textLimits.username), settle: z.literal('renameLocal'), newUsername: usernameSchema }),
]);
