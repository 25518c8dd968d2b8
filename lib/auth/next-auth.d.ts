import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; sessionVersion?: number; authTime?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    // The user's sessionVersion when this session was made (lib/auth/current-user.ts compares).
    sv?: number;
    // When the password was entered (seconds since the epoch), for the absolute lifetime.
    authTime?: number;
  }
}
