import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { PAGE_HEADING_ID } from './Page.js';

// Set when the address changes inside the app and no heading has taken focus yet: a page that loads
// later (a lazily loaded one) takes it when its heading appears.
let headingFocusWanted = false;

function focusHeading(): boolean {
  const heading = document.getElementById(PAGE_HEADING_ID);
  if (!heading) return false;
  heading.focus();
  headingFocusWanted = false;
  return true;
}

/**
 * After moving to another page inside the app, put focus on its heading, so screen reader users hear
 * where they are and keyboard users start from the top. The first page load is left alone.
 * Call once, high in the tree.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    headingFocusWanted = true;
    focusHeading();
  }, [pathname]);
}

/** For Page: take the focus a recent navigation left waiting. */
export function useTakeWaitingFocus(): void {
  useEffect(() => {
    if (headingFocusWanted) focusHeading();
  }, []);
}
