"use client";

import { lazy, Suspense, useEffect, useState } from "react";

// The dialog (search queries, results) loads on first use, so it adds nothing to a page's first load.
const Palette = lazy(() => import("./command-palette-dialog"));

/** Opens the palette from a button (the keyboard shortcut is Ctrl+K or ⌘K). */
export function openCommandPalette() {
  window.dispatchEvent(new Event("open-command-palette"));
}

/**
 * Ctrl+K / ⌘K: jump to a page, party, transfer or safeguard by typing. Records come from the server's search
 * procedures (at most five of each kind per keystroke), never from a list held in the browser.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener("open-command-palette", onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("open-command-palette", onOpen);
    };
  }, []);
  return open ? (
    <Suspense fallback={null}>
      <Palette onClose={() => setOpen(false)} />
    </Suspense>
  ) : null;
}

