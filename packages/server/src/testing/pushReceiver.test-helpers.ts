/**
 * A stand-in for one browser and its push service, for tests: an http server on 127.0.0.1 that
 * accepts Web Push requests the way a push service does (VAPID check, RFC 8292) and reads them
 * the way the browser does (aes128gcm decryption, RFC 8291 / RFC 8188). Everything is done here
 * with node:crypto alone — deliberately not with web-push or http_ece — so the server's messages
 * are checked by an independent implementation.
 *
 * @example
 * const receiver = await startPushReceiver();
 * await client.post('/api/me/push/devices', { ...receiver.subscription(), label: 'Test phone' });
 * // … the server pushes …
 * expect(receiver.messages).toEqual([{ v: 1, … }]);
 * await receiver.close();
 */
import {
  createECDH,
  createHmac,
  createDecipheriv,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PushSubscription as `subscription.toJSON()` gives it in a browser. */
export interface ReceiverSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/** One request the receiver accepted, with what it checked. */
export interface ReceivedPush {
  /** The decrypted message, parsed as JSON. */
  readonly message: unknown;
  readonly ttl: number;
  readonly urgency: string | null;
  /** The VAPID JWT's claims. */
  readonly claims: { readonly aud: string; readonly exp: number; readonly sub: string };
  /** The server's VAPID public key (the `k` of the Authorization header). */
  readonly vapidKey: string;
}

export interface PushReceiver {
  /** The origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The subscription to register with the server. */
  subscription(): ReceiverSubscription;
  /** Decrypted JSON messages, in the order received. */
  readonly messages: unknown[];
  /** Accepted requests with their checked headers and claims. */
  readonly received: ReceivedPush[];
  /** Requests refused because they failed a check (never expected in a passing test). */
  readonly rejected: string[];
  /** Answer the next request with this status (e.g. 410: the browser unsubscribed; 500). */
  respondNext(status: number): void;
  close(): Promise<void>;
}

export interface PushReceiverOptions {
  /** The VAPID `sub` expected (the server's `config.vapidSubject`). */
  readonly subject?: string;
}

const b64u = (buf: Buffer) => buf.toString('base64url');
const fromB64u = (s: string) => Buffer.from(s, 'base64url');

/** HMAC-SHA-256 (HKDF's extract step; its expand for one block is `hmac(prk, info || 0x01)`). */
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
const expand = (prk: Buffer, info: Buffer, length: number) =>
  hmac(prk, Buffer.concat([info, Buffer.from([1])])).subarray(0, length);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      chunks.push(c);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Check `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292); returns the claims or a reason. */
function checkVapid(
  header: string | undefined,
  origin: string,
  subject: string,
): { claims: ReceivedPush['claims']; key: string } | string {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), ?k=([\w-]+)$/.exec(header ?? '');
  if (match === null) return `no VAPID authorization: ${header ?? '(none)'}`;
  const [, token = '', key = ''] = match;
  const [head = '', body = '', signature = ''] = token.split('.');
  const rawKey = fromB64u(key);
  if (rawKey.length !== 65 || rawKey[0] !== 4) return 'k is not an uncompressed P-256 key';
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: b64u(rawKey.subarray(1, 33)),
      y: b64u(rawKey.subarray(33, 65)),
    },
    format: 'jwk',
  });
  const header_ = JSON.parse(fromB64u(head).toString('utf8')) as { alg?: string };
  if (header_.alg !== 'ES256') return `JWT alg ${String(header_.alg)}`;
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    fromB64u(signature),
  );
  if (!signed) return 'JWT signature does not verify';
  const claims = JSON.parse(fromB64u(body).toString('utf8')) as ReceivedPush['claims'];
  if (claims.aud !== origin) return `JWT aud ${claims.aud} is not ${origin}`;
  const nowSeconds = Date.now() / 1000;
  if (!(claims.exp > nowSeconds && claims.exp <= nowSeconds + 24 * 60 * 60)) {
    return 'JWT exp is not within 24 hours';
  }
  if (claims.sub !== subject) return `JWT sub ${claims.sub} is not ${subject}`;
  return { claims, key };
}

/**
 * Decrypt an aes128gcm body (RFC 8188 framing, RFC 8291 keys) with the browser's private key
 * and auth secret. Throws when anything does not check out.
 */
export function decryptAes128gcm(
  body: Buffer,
  browser: { readonly privateKey: Buffer; readonly publicKey: Buffer; readonly auth: Buffer },
): Buffer {
  // Header: salt (16) | record size (uint32) | key id length (1) | key id (the sender's key).
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20] ?? 0;
  const serverKey = body.subarray(21, 21 + idlen);
  if (idlen !== 65 || serverKey[0] !== 4) throw new Error('key id is not a P-256 public key');
  if (rs < 18) throw new Error('record size too small');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(browser.privateKey);
  const shared = ecdh.computeSecret(serverKey);
  // RFC 8291 §3.4: IKM = HKDF(auth, ecdh, "WebPush: info" || 0x00 || ua_public || as_public, 32).
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0', 'latin1'),
    browser.publicKey,
    serverKey,
  ]);
  const ikm = expand(hmac(browser.auth, shared), keyInfo, 32);
  // RFC 8188 §2.2–2.3: CEK and NONCE from the salt.
  const prk = hmac(salt, ikm);
  const cek = expand(prk, Buffer.from('Content-Encoding: aes128gcm\0', 'latin1'), 16);
  const baseNonce = expand(prk, Buffer.from('Content-Encoding: nonce\0', 'latin1'), 12);
  const records = body.subarray(21 + idlen);
  const plain: Buffer[] = [];
  for (let seq = 0, at = 0; at < records.length; seq += 1, at += rs) {
    const record = records.subarray(at, at + rs);
    const nonce = Buffer.from(baseNonce);
    // The record sequence number is XORed into the end of the nonce (it fits in 32 bits here).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([
      decipher.update(record.subarray(0, record.length - 16)),
      decipher.final(),
    ]);
    // Padding: the data, a delimiter (0x02 in the last record, 0x01 before), then zeros.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    const last = at + rs >= records.length;
    if (padded[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
    plain.push(padded.subarray(0, end));
  }
  return Buffer.concat(plain);
}

/** Start a receiver on 127.0.0.1 with a fresh browser key pair and auth secret. */
export async function startPushReceiver(options: PushReceiverOptions = {}): Promise<PushReceiver> {
  const subject = options.subject ?? 'mailto:steady@localhost';
  const ecdh = createECDH('prime256v1');
  const browser = {
    publicKey: ecdh.generateKeys(),
    privateKey: ecdh.getPrivateKey(),
    auth: randomBytes(16),
  };
  const path = `/push/${randomUUID()}`;
  const messages: unknown[] = [];
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const next: number[] = [];
  let origin = '';

  /** The status to answer a request with, after recording what it carried. */
  const handle = async (req: IncomingMessage): Promise<number> => {
    const body = await readBody(req);
    if (req.method !== 'POST' || req.url !== path) return 404;
    const forced = next.shift();
    if (forced !== undefined) return forced;
    const vapid = checkVapid(req.headers.authorization, origin, subject);
    if (typeof vapid === 'string') {
      rejected.push(vapid);
      return 401;
    }
    const ttl = Number(req.headers.ttl);
    if (req.headers['content-encoding'] !== 'aes128gcm' || !Number.isInteger(ttl) || ttl < 0) {
      rejected.push('missing Content-Encoding: aes128gcm or TTL');
      return 400;
    }
    let message: unknown;
    try {
      message = JSON.parse(decryptAes128gcm(body, browser).toString('utf8'));
    } catch (error) {
      rejected.push(`could not decrypt: ${String(error)}`);
      return 400;
    }
    messages.push(message);
    received.push({
      message,
      ttl,
      urgency: typeof req.headers.urgency === 'string' ? req.headers.urgency : null,
      claims: vapid.claims,
      vapidKey: vapid.key,
    });
    return 201;
  };

  const answer = (res: ServerResponse, status: number) => {
    res.statusCode = status;
    res.end();
  };
  const server = createServer((req, res) => {
    handle(req).then(
      (status) => {
        answer(res, status);
      },
      (error: unknown) => {
        rejected.push(`receiver error: ${String(error)}`);
        answer(res, 500);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  return {
    url: origin,
    subscription: () => ({
      endpoint: `${origin}${path}`,
      keys: { p256dh: b64u(browser.publicKey), auth: b64u(browser.auth) },
    }),
    messages,
    received,
    rejected,
    respondNext: (status) => {
      next.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
