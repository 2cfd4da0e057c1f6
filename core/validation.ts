import type { z } from 'zod';
import type { MessageRef } from './deskError.ts';

/**
 * zod's issues as per-field message references. The keys live in the `errors` namespace
 * under `field.*`, so every language words them its own way.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, MessageRef> {
  const fields: Record<string, MessageRef> = {};
  const put = (path: readonly PropertyKey[], ref: MessageRef) => {
    const key = path.map(String).join('.') || '_';
    fields[key] ??= ref;
  };
  for (const issue of error.issues) {
    switch (issue.code) {
      case 'invalid_type':
        // A blank field may come as missing or as null: either way the user has to fill it in.
        put(issue.path, { key: issue.input === undefined || issue.input === null ? 'field.required' : 'field.invalidType' });
        break;
      case 'too_small':
        // An empty field is "required" whatever its minimum: that is what the user has to fix first.
        if (issue.origin === 'string' && (Number(issue.minimum) <= 1 || issue.input === '')) put(issue.path, { key: 'field.required' });
        else if (issue.origin === 'string') put(issue.path, { key: 'field.tooShort', values: { min: Number(issue.minimum) } });
        // A list to pick from (roles, departments): say what to do, not a number to compare.
        else if (issue.origin === 'array' && Number(issue.minimum) <= 1) put(issue.path, { key: 'field.chooseOne' });
        else if (issue.origin === 'array') put(issue.path, { key: 'field.chooseAtLeast', values: { min: Number(issue.minimum) } });
        else put(issue.path, { key: 'field.tooSmall', values: { min: Number(issue.minimum) } });
        break;
      case 'too_big':
        if (issue.origin === 'string') put(issue.path, { key: 'field.tooLong', values: { max: Number(issue.maximum) } });
        else put(issue.path, { key: 'field.tooBig', values: { max: Number(issue.maximum) } });
        break;
      case 'invalid_format':
        put(issue.path, { key: issue.format === 'regex' ? 'field.format' : `field.format_${issue.format}` });
        break;
      case 'invalid_value':
        put(issue.path, { key: 'field.choice' });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) put([...issue.path, key], { key: 'field.unknown' });
        break;
      case 'custom':
        put(issue.path, { key: `field.${issue.message}` });
        break;
      default:
        put(issue.path, { key: 'field.invalid' });
    }
  }
  return fields;
}
