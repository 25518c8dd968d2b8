import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared even when the user does not exist, so response time does not reveal which emails have accounts.
const DUMMY_HASH = "$2b$12$vFCy7JWtAYRrx7cdy4fjzenleei1GrbNsylyEgBpCDV52lk/e06j2";

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH);
}
