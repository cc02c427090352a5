/**
 * What travels with a person through the sign-in pages: where they were going (in the router's
 * location state, so it survives a reload of the two-factor page) and a one-time notice for the sign-in
 * page ("Your password has been changed"), kept in sessionStorage so it also survives a full page load.
 */
import { useEffect, useState } from 'react';
import type { SignInStage } from '../../../shared/api/auth.js';
import { readStored, STORAGE_KEYS, writeStored } from '../lib/storage.js';

export interface SignInState {
  /** The path the guard sent them away from. */
  from?: string;
  /** An email address to fill in, when we already know it. */
  email?: string;
}

export function readSignInState(state: unknown): SignInState {
  if (!state || typeof state !== 'object') return {};
  const { from, email } = state as Record<string, unknown>;
  return {
    from: typeof from === 'string' ? from : undefined,
    email: typeof email === 'string' ? email : undefined,
  };
}

/** Only paths inside this app, never another site. */
function safePath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/sign-in')) return '/';
  return path;
}

export function pathForStage(stage: SignInStage, state: SignInState): string {
  switch (stage) {
    case 'signed-out':
      return '/sign-in';
    case 'two-factor-setup':
      return '/sign-in/two-factor-setup';
    case 'two-factor':
      return '/sign-in/two-factor';
    case 'signed-in':
      return safePath(state.from);
  }
}

export const FLASHES = ['passwordChanged', 'accountReady', 'setupDone', 'signedOut'] as const;
export type Flash = (typeof FLASHES)[number];

export function setFlash(flash: Flash): void {
  writeStored('session', STORAGE_KEYS.flash, flash);
}

/** The notice left for this page, shown once. */
export function useFlash(): Flash | null {
  const [flash] = useState<Flash | null>(() => {
    const stored = readStored('session', STORAGE_KEYS.flash);
    return FLASHES.find((item) => item === stored) ?? null;
  });
  useEffect(() => {
    if (flash) writeStored('session', STORAGE_KEYS.flash, null);
  }, [flash]);
  return flash;
}
