/** A bearer token from the simulator's token endpoint (its default dev credentials). */
import { request } from 'undici';
import { TOKEN_PATH } from '../src/simulator/auth.ts';

export async function simulatorToken(apiUrl: string): Promise<string> {
  const res = await request(`${apiUrl}${TOKEN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=dev&client_secret=dev&scope=organization',
  });
  return ((await res.body.json()) as { access_token: string }).access_token;
}
