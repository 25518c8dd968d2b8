// A real OpenID Connect provider for the SSO tests and for trying SSO locally: panva's
// oidc-provider (OpenID-certified), on loopback, with test accounts. Its own login page
// (devInteractions: any password) signs people in; consent is granted for its one client.
//
// For the tests of what the app must refuse, it can be told to misbehave at its token endpoint:
// the ID token it hands out is then re-signed with a key outside its JWKS, or with its real key
// but a wrong issuer, a wrong audience or an expiry in the past. Everything else (discovery,
// JWKS, authorization, PKCE, codes) is the provider's own.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export type OidcTestAccount = {
  email: string;
  // null: no email_verified claim at all, as Entra ID sends (it says so with xms_edov instead).
  emailVerified?: boolean | null;
  // Entra ID's optional claim: the domain's owner verified the address.
  xmsEdov?: boolean;
  name?: string;
  groups?: string[];
  // Google's hosted domain claim.
  hd?: string;
};

export type IdTokenFault = "signature" | "issuer" | "audience" | "expired";

// What a provider sends back instead of a code (RFC 6749 4.1.2.1), e.g. access_denied when the
// person is not assigned to the app.
export type AuthorizationError = { error: string; description?: string };

export type OidcTestProvider = {
  issuer: string;
  // Where it listens on 127.0.0.1 (with a public issuer, a name that must be routed here).
  port: number;
  clientId: string;
  clientSecret: string;
  // Accounts sign in with their email as the login (any password).
  setAccount(account: OidcTestAccount): void;
  setIdTokenFault(fault: IdTokenFault | null): void;
  // Answers every authorization request with this error (back to the client's redirect URI).
  setAuthorizationError(error: AuthorizationError | null): void;
  // The redirect_uri of the last authorization request, as the client sent it.
  lastRedirectUri(): string | null;
  // The scope of the last authorization request, as the client sent it.
  lastScope(): string | null;
  // Off: scopes_supported lists no "groups" (an Okta custom authorization server without one),
  // and the groups claim comes in the ID token with the email scope instead, as a claim made on
  // the authorization server does.
  setGroupsScope(offered: boolean): Promise<void>;
  // A second valid client secret (a renewed one, while the old one still works), or the old one
  // retired; the token endpoint accepts every secret added and not retired.
  addClientSecret(secret: string): void;
  retireClientSecret(secret: string): void;
  // A new signing key; the old one stays published, as providers do during a rotation.
  rotateSigningKey(): Promise<void>;
  signingKeyId(): string;
  // The key id (kid) in the header of the last ID token the token endpoint handed out.
  lastIdTokenKeyId(): string | null;
  close(): Promise<void>;
};

type SigningKey = { kid: string; privateJwk: Record<string, unknown>; privateKey: KeyObject };

function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(6).toString("base64url");
  const privateJwk = {
    ...(privateKey.export({ format: "jwk" }) as Record<string, unknown>),
    kid,
    use: "sig",
    alg: "RS256",
  };
  return { kid, privateJwk, privateKey };
}

function base64url(value: unknown) {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject) {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

export async function startOidcTestProvider(options: {
  port?: number;
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  // Served over HTTPS with this certificate instead of plain HTTP.
  tls?: { key: string; cert: string };
  // The issuer as the app and the browser see it, e.g. https://login.microsoftonline.com/<tenant>/v2.0
  // (its host routed to this port by the test); its path prefixes every endpoint, as Entra ID's
  // tenant path does. Without it: http(s)://127.0.0.1:<port>.
  issuer?: string;
}): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? "handoff";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");
  const accounts = new Map<string, OidcTestAccount>();
  const keys: SigningKey[] = [newSigningKey()];
  const cookieKeys = [randomBytes(32).toString("base64url")];
  let fault: IdTokenFault | null = null;
  let lastKid: string | null = null;
  let authorizationError: AuthorizationError | null = null;
  let lastRedirect: string | null = null;
  let lastScope: string | null = null;
  let groupsScope = true;
  // The secrets a client may present; the provider itself knows one internal secret, which the
  // token request's Basic credentials are mapped to when they carry an accepted secret.
  const acceptedSecrets = new Set([clientSecret]);
  const internalSecret = randomBytes(24).toString("base64url");

  // oidc-provider mounted under the issuer's path: it routes on the rest of the path and builds
  // its endpoints' URLs from originalUrl (as when mounted in Express).
  const mountPath = options.issuer ? new URL(options.issuer).pathname.replace(/\/+$/, "") : "";
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (mountPath) {
      const requested = req.url ?? "/";
      if (requested !== mountPath && !requested.startsWith(`${mountPath}/`) && !requested.startsWith(`${mountPath}?`)) {
        res.writeHead(404).end();
        return;
      }
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = requested;
      req.url = requested.slice(mountPath.length) || "/";
    }
    const url = new URL(req.url ?? "/", "http://provider");
    if (url.pathname === "/token") acceptSecret(req);
    if (url.pathname === "/auth") {
      lastRedirect = url.searchParams.get("redirect_uri");
      lastScope = url.searchParams.get("scope");
      // Only to a registered redirect URI, as a provider does.
      if (authorizationError && lastRedirect && options.redirectUris.includes(lastRedirect)) {
        const back = new URL(lastRedirect);
        back.searchParams.set("error", authorizationError.error);
        if (authorizationError.description) back.searchParams.set("error_description", authorizationError.description);
        const state = url.searchParams.get("state");
        if (state) back.searchParams.set("state", state);
        res.writeHead(303, { location: back.toString() }).end();
        return;
      }
    }
    return handler(req, res);
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  function acceptSecret(req: http.IncomingMessage) {
    const [scheme, value] = (req.headers.authorization ?? "").split(" ");
    if (scheme !== "Basic" || !value) return;
    const decoded = Buffer.from(value, "base64").toString();
    const colon = decoded.indexOf(":");
    const id = decodeURIComponent(decoded.slice(0, colon));
    const secret = decodeURIComponent(decoded.slice(colon + 1));
    if (id !== clientId || !acceptedSecrets.has(secret)) return;
    req.headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(id)}:${internalSecret}`).toString("base64")}`;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = options.issuer?.replace(/\/+$/, "") ?? `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;

  function tamper(idToken: string): string {
    const [headerPart, payloadPart] = idToken.split(".");
    const header = JSON.parse(Buffer.from(headerPart!, "base64url").toString()) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(payloadPart!, "base64url").toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const signingKey = keys[0]!.privateKey;
    switch (fault) {
      case "signature":
        // Same header (same kid), same claims, someone else's key.
        return signJwt(header, payload, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey);
      case "issuer":
        return signJwt(header, { ...payload, iss: `${issuer}/another-tenant` }, signingKey);
      case "audience":
        return signJwt(header, { ...payload, aud: "another-client" }, signingKey);
      case "expired":
        return signJwt(header, { ...payload, iat: now - 2 * 3600, exp: now - 3600 }, signingKey);
      default:
        return idToken;
    }
  }

  function build(): Provider {
    const configuration: Configuration = {
      clients: [
        {
          client_id: clientId,
          client_secret: internalSecret,
          redirect_uris: options.redirectUris,
          response_types: ["code"],
          grant_types: ["authorization_code"],
          token_endpoint_auth_method: "client_secret_basic",
        },
      ],
      jwks: { keys: keys.map((key) => key.privateJwk) },
      cookies: { keys: cookieKeys },
      claims: groupsScope
        ? {
            openid: ["sub"],
            email: ["email", "email_verified", "hd", "xms_edov"],
            profile: ["name"],
            groups: ["groups"],
          }
        : { openid: ["sub"], email: ["email", "email_verified", "hd", "xms_edov", "groups"], profile: ["name"] },
      // Claims in the ID token itself (as Entra ID, Google, Okta and Keycloak do), not only at userinfo.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      async findAccount(_ctx, sub) {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return {
          accountId: sub,
          async claims() {
            return {
              sub,
              email: account.email,
              ...(account.emailVerified === null ? {} : { email_verified: account.emailVerified ?? true }),
              ...(account.xmsEdov === undefined ? {} : { xms_edov: account.xmsEdov }),
              name: account.name ?? account.email,
              ...(account.groups ? { groups: account.groups } : {}),
              ...(account.hd ? { hd: account.hd } : {}),
            };
          },
        };
      },
      // First-party client: consent is granted without asking.
      async loadExistingGrant(ctx: KoaContextWithOIDC) {
        const { client, session } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope(groupsScope ? "openid email profile groups" : "openid email profile");
        await grant.save();
        return grant;
      },
    };
    const provider = new Provider(issuer, configuration);
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (ctx.path !== "/token" || !body || typeof body.id_token !== "string") return;
      lastKid =
        (JSON.parse(Buffer.from(body.id_token.split(".")[0]!, "base64url").toString()) as { kid?: string }).kid ?? null;
      if (fault) body.id_token = tamper(body.id_token);
    });
    return provider;
  }

  let handler = build().callback();

  return {
    issuer,
    port,
    clientId,
    clientSecret,
    setAccount(account) {
      accounts.set(account.email, account);
    },
    setIdTokenFault(next) {
      fault = next;
    },
    setAuthorizationError(next) {
      authorizationError = next;
    },
    lastRedirectUri: () => lastRedirect,
    lastScope: () => lastScope,
    async setGroupsScope(offered) {
      groupsScope = offered;
      handler = build().callback();
    },
    addClientSecret(secret) {
      acceptedSecrets.add(secret);
    },
    retireClientSecret(secret) {
      acceptedSecrets.delete(secret);
    },
    async rotateSigningKey() {
      keys.unshift(newSigningKey());
      handler = build().callback();
    },
    signingKeyId: () => keys[0]!.kid,
    lastIdTokenKeyId: () => lastKid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
