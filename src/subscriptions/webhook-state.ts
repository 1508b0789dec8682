/**
 * The file `npm run webhooks -- register` keeps: the webhook secrets (newest first) and the ids of
 * the subscriptions it created. The gateway adds its secrets to CATENA_WEBHOOK_SECRETS at start.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';

const stateSchema = z.object({
  secrets: z.array(z.string().min(12)).default([]),
  subscriptions: z
    .array(z.object({ id: z.string(), eventName: z.string(), url: z.string(), createdAt: z.string() }))
    .default([]),
});
export type WebhookState = z.infer<typeof stateSchema>;

export async function readWebhookState(path: string): Promise<WebhookState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { secrets: [], subscriptions: [] };
    throw error;
  }
  const parsed = stateSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${path} is not a webhook state file: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Writes atomically, readable by its owner only (it holds secrets). */
export async function writeWebhookState(path: string, state: WebhookState): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
