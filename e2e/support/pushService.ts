import {
  createDecipheriv,
  createECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  type ECDH,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A stand-in for a browser vendor's push service (FCM, Mozilla autopush…) on 127.0.0.1: the
 * Steady server posts encrypted Web Push messages to it (the server allows plain http to a
 * listed loopback host: STEADY_PUSH_HOSTS=127.0.0.1), and it decrypts them (RFC 8291,
 * aes128gcm) with the keys of the fake device they were sent to. Headless Chromium cannot
 * subscribe to a real push service here, so a test delivers what arrived here to the browser's
 * service worker itself (DevTools protocol).
 */
export interface FakeDevice {
  /** What a browser's PushSubscription.toJSON() gives, for POST /api/me/push/devices. */
  readonly subscription: {
    readonly endpoint: string;
    readonly keys: { readonly p256dh: string; readonly auth: string };
  };
  /** The decrypted payloads received so far, oldest first. */
  readonly messages: readonly string[];
}

export interface FakePushService {
  /** A new device with its own endpoint and keys. */
  device(): FakeDevice;
  stop(): Promise<void>;
}

interface Device extends FakeDevice {
  readonly ecdh: ECDH;
  readonly auth: Buffer;
  readonly messages: string[];
}

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** Decrypt an aes128gcm Web Push body (a single record) for the device's keys. */
export function decryptPush(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]);
  const ikm = hkdf(ecdh.computeSecret(serverKey), auth, keyInfo, 32);
  const key = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  const end = plain.lastIndexOf(2);
  return plain.subarray(0, end).toString('utf8');
}

export async function startPushService(): Promise<FakePushService> {
  const devices = new Map<string, Device>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1];
      const device = id === undefined ? undefined : devices.get(id);
      if (request.method !== 'POST' || device === undefined) {
        response.writeHead(404).end();
        return;
      }
      try {
        device.messages.push(decryptPush(Buffer.concat(chunks), device.ecdh, device.auth));
        response.writeHead(201).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${String(address.port)}`;

  return {
    device() {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const device: Device = {
        ecdh,
        auth,
        messages: [],
        subscription: {
          endpoint: `${base}/push/${id}`,
          keys: {
            p256dh: ecdh.getPublicKey().toString('base64url'),
            auth: auth.toString('base64url'),
          },
        },
      };
      devices.set(id, device);
      return device;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
