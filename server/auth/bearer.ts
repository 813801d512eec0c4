/** `Authorization: Bearer <token>` as the HTTP API and /metrics read it. */

/** True when the header uses the Bearer scheme; another scheme (a proxy's Basic auth) is not a key attempt. */
export function isBearer(header: string | undefined): header is string {
  return header !== undefined && /^Bearer\s/i.test(header);
}

/** The token of a `Bearer <token>` header; undefined when the header is missing, another scheme, or not one token. */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}
