/**
 * How Catena signs a delivery (api-facts §4.2, the webhook-validation page): Base64 (standard
 * alphabet, as the page's example shows `+` and `=`) of HMAC-SHA256 keyed with the subscription's
 * secret over `<X-Catena-Timestamp>` + "." + the body before gzip, the timestamp exactly as sent.
 */
import { createHmac } from 'node:crypto';

export function signDelivery(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('base64');
}
