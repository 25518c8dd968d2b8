import { expect } from "@playwright/test";

// No secret may appear in what the app prints: the Personio client secret, the session
// secret, the encryption key.
export function expectNoSecretsIn(text: string, secrets: Record<string, string>) {
  for (const [name, secret] of Object.entries(secrets)) {
    expect(text.includes(secret), `${name} appears in the app's output`).toBe(false);
  }
}
