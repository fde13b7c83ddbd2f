import { createHmac } from 'node:crypto';
import { sameSecret } from '../domain/sameSecret.js';

const MAC_HEX_CHARS = 64;

/**
 * Seals what nodes publish to each other over Redis: an HMAC-SHA256 of the channel and the body,
 * keyed from the platform secret every node shares. Redis gives no say over who publishes, and a
 * forwarded request names the principal it runs as, so a node runs nothing it cannot verify came
 * from another node of the same platform, for the channel it arrived on.
 */
export class ChannelSigner {
  readonly #key: Buffer;

  constructor(secret: string) {
    // A key of its own: the secret itself signs only login tokens.
    this.#key = createHmac('sha256', secret)
      .update('agentsdk-platform/cluster-channels/v1')
      .digest();
  }

  /** `<mac>.<body>`, for `channel` only. */
  seal(channel: string, body: string): string {
    return `${this.#mac(channel, body)}.${body}`;
  }

  /** The body of a message sealed for `channel` by a node with the same secret; throws otherwise. */
  open(channel: string, raw: string): string {
    const body = raw.slice(MAC_HEX_CHARS + 1);
    if (
      raw[MAC_HEX_CHARS] !== '.' ||
      !sameSecret(raw.slice(0, MAC_HEX_CHARS), this.#mac(channel, body))
    ) {
      throw new Error(
        'not signed by a node of this platform (forged, or a node with another PLATFORM_JWT_SECRET)',
      );
    }
    return body;
  }

  #mac(channel: string, body: string): string {
    return createHmac('sha256', this.#key).update(channel).update('\n').update(body).digest('hex');
  }
}
