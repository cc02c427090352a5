import { generateSecret, generateURI, verify } from 'otplib';

const ISSUER = 'Neutral Ground';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: ISSUER, label: accountEmail, secret });
}

/**
 * Checks a code, allowing one 30-second step of clock drift either way. Returns the time step that
 * matched, or null. A step at or before `lastUsedStep` is refused, so a code works only once.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
