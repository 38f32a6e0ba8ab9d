/** Bearer tokens: how a request carries one, how it is made, and how it is stored (hashed). */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 43 url-safe characters, like Contentful's tokens. */
export const generateToken = () => randomBytes(32).toString('base64url');

/**
 * The token of a request, as Contentful reads it: `Authorization: Bearer …` first, else
 * `?access_token=`. A malformed Authorization header yields '' (present but invalid).
 */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
  const q = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' ? q : undefined;
}
