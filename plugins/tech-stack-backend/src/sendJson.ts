import { createHash } from 'node:crypto';
import express from 'express';

interface Body {
  bytes: Buffer;
  etag: string;
}

/** Serialized answers, by answer object; an entry lives as long as its object. */
const bodies = new WeakMap<object, Body>();

/**
 * Sends `value` as JSON, serializing (and hashing for the ETag) each answer
 * object only once: the services hand out the same object for a cached
 * answer, so repeated requests skip `JSON.stringify` of the whole answer. A
 * request whose `If-None-Match` matches gets `304 Not Modified`, as with
 * `res.json`.
 */
export function sendJson(res: express.Response, value: object): void {
  let body = bodies.get(value);
  if (!body) {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const hash = createHash('sha1').update(bytes).digest('base64url');
    body = { bytes, etag: `W/"${bytes.length.toString(16)}-${hash}"` };
    bodies.set(value, body);
  }
  res.type('application/json');
  res.set('ETag', body.etag);
  res.send(body.bytes);
}
